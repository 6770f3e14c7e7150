package io.warrenmq.examples;

import static io.warrenmq.examples.ExampleProcess.java;
import static io.warrenmq.examples.ExampleProcess.python;
import static io.warrenmq.examples.ExampleProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.GetResponse;
import io.warrenmq.client.PlainCredentials;
import io.warrenmq.client.URLParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The credentials example logs in as qqc/123: on a WarrenMQ whose only user is qqc, and on the
 * local RabbitMQ after {@code rabbitmqctl add_user qqc 123} (skipped when rabbitmqctl cannot).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CredentialsIT {

  @Test
  void producerLogsInWithPlainCredentialsOnWarrenMq() throws Exception {
    Properties users = new Properties();
    users.setProperty("default_user", "qqc");
    users.setProperty("default_pass", "123");
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerConfig.ephemeral().fromProperties(users))) {
      String url = broker.uri(); // names guest, whom this broker does not know
      sendsAndArrives(url, "amqp://qqc:123@" + broker.host() + ":" + broker.port() + "/%2F");
    }
  }

  @Test
  void producerLogsInWithPlainCredentialsOnRabbitMq() throws Exception {
    String url = RabbitMqTutorialsIT.rabbitMqUrl();
    Assumptions.assumeTrue(
        rabbitmqctl("add_user", "qqc", "123"), "rabbitmqctl cannot add the user qqc here");
    try {
      Assumptions.assumeTrue(
          rabbitmqctl("set_permissions", "-p", "/", "qqc", ".*", ".*", ".*"),
          "rabbitmqctl cannot set permissions here");
      String host = new URLParameters(url).host();
      int port = new URLParameters(url).port();
      sendsAndArrives(url, "amqp://qqc:123@" + host + ":" + port + "/%2F");
    } finally {
      rabbitmqctl("delete_user", "qqc");
    }
  }

  private static void sendsAndArrives(String url, String qqcUrl) throws Exception {
    try (BlockingConnection connection = new BlockingConnection(new URLParameters(qqcUrl))) {
      BlockingChannel channel = connection.channel();
      channel.queueDeclare("hello_one", o -> o.durable(true));
      channel.queuePurge("hello_one");

      assertThat(run(java(url, "credentials"))).containsExactly(" [x] Sent 'Hello World!'");
      List<String> programs = List.of("java");
      if (pikaAvailable()) {
        assertThat(run(python(url, "credentials"))).containsExactly(" [x] Sent 'Hello World!'");
        programs = List.of("java", "python");
      }

      for (String ignored : programs) {
        GetResponse message = channel.basicGet("hello_one", o -> o.autoAck(true));
        assertThat(message).isNotNull();
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("Hello World");
        assertThat(message.properties().deliveryMode()).isEqualTo(2);
      }
      channel.queueDelete("hello_one");
    }
    assertThat(new PlainCredentials("qqc", "123").mechanism()).isEqualTo("PLAIN");
  }

  private static boolean pikaAvailable() {
    try {
      Pika.python();
      return true;
    } catch (org.opentest4j.TestAbortedException e) {
      return false;
    }
  }

  private static boolean rabbitmqctl(String... args) throws InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
