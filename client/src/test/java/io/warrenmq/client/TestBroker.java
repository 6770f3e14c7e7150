package io.warrenmq.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Where the integration tests find RabbitMQ, and small helpers they share. */
final class TestBroker {
  private TestBroker() {}

  /** {@code AMQP_URL} from a system property or the environment, else local guest/guest. */
  static String url() {
    String url = System.getProperty("AMQP_URL", System.getenv("AMQP_URL"));
    return url == null || url.isBlank() ? "amqp://guest:guest@127.0.0.1:5672/" : url;
  }

  /** Fresh parameters for the broker under test. */
  static URLParameters params() {
    return new URLParameters(url());
  }

  /** Skips the calling test when nothing listens at the broker's address. */
  static void assumeAvailable() {
    URLParameters p = params();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(p.host(), p.port()), 1000);
    } catch (IOException e) {
      assumeTrue(false, "no AMQP broker at " + p.host() + ":" + p.port() + " (" + e + ")");
    }
  }

  /** Opens a connection to the broker under test. */
  static BlockingConnection connect() {
    return new BlockingConnection(params());
  }

  /** A name no other test uses. */
  static String unique(String prefix) {
    return "warrenmq-test-" + prefix + "-" + UUID.randomUUID();
  }

  /** Polls {@code condition} until it holds; fails after {@code timeout}. */
  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(10);
    }
  }
}
