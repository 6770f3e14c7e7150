package io.warrenmq.examples;

import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The tutorials against a real RabbitMQ at {@code AMQP_URL} (system property or environment;
 * default {@code amqp://guest:guest@127.0.0.1:5672/}); skipped, with the reason, when none answers
 * there.
 */
class RabbitMqTutorialsIT extends TutorialsContract {
  private static String url;

  @BeforeAll
  static void rabbitMq() {
    url = rabbitMqUrl();
    try (BlockingConnection connection =
        new BlockingConnection(
            new URLParameters(url)
                .connectionTimeout(Duration.ofSeconds(3))
                .connectionAttempts(1))) {
      Assumptions.assumeTrue(connection.isOpen(), "RabbitMQ connection not open at " + url);
    } catch (RuntimeException e) {
      Assumptions.abort("no RabbitMQ answers at " + url + ": " + e);
    }
  }

  static String rabbitMqUrl() {
    String configured = System.getProperty("AMQP_URL", System.getenv("AMQP_URL"));
    return configured == null || configured.isBlank()
        ? "amqp://guest:guest@127.0.0.1:5672/"
        : configured;
  }

  @Override
  String url() {
    return url;
  }
}
