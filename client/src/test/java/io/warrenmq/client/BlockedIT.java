package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * connection.blocked / unblocked from a real RabbitMQ: a memory alarm raised with {@code
 * rabbitmqctl set_vm_memory_high_watermark} blocks publishers. Runs only against a local broker
 * that {@code rabbitmqctl} can reach; the watermark is restored to 0.4 however the test ends. The
 * block lasts a second or two, which stalls (does not fail) other publishers of that broker
 * meanwhile.
 */
@Timeout(60)
class BlockedIT {
  private static final String RESTORED_WATERMARK = "0.4";

  @Test
  void memoryAlarmBlocksThenUnblocksPublishing() throws Exception {
    TestBroker.assumeAvailable();
    assumeTrue(TestBroker.params().host().matches("127\\.0\\.0\\.1|localhost"), "broker not local");
    assumeTrue(rabbitmqctl("status"), "rabbitmqctl cannot reach the broker");
    List<String> seen = new CopyOnWriteArrayList<>();
    String queue = TestBroker.unique("blocked");
    try (BlockingConnection connection =
        new BlockingConnection(
            TestBroker.params().blockedConnectionTimeout(Duration.ofMillis(300)))) {
      BlockingChannel channel = connection.channel();
      channel.queueDeclare(queue, o -> o.autoDelete(true));
      connection.addOnConnectionBlockedCallback(reason -> seen.add("blocked"));
      connection.addOnConnectionUnblockedCallback(() -> seen.add("unblocked"));
      try {
        assertThat(rabbitmqctl("set_vm_memory_high_watermark", "0.0000001")).isTrue();
        channel.basicPublish("", queue, "x"); // RabbitMQ blocks a connection once it publishes
        TestBroker.await(
            Duration.ofSeconds(20),
            () -> {
              connection.processDataEvents(0.05);
              return connection.isBlocked();
            });
        connection.processDataEvents(0.05);
        assertThat(seen).containsExactly("blocked");
        assertThatThrownBy(() -> channel.basicPublish("", queue, "y"))
            .isInstanceOf(ConnectionBlockedTimeout.class);
      } finally {
        rabbitmqctl("set_vm_memory_high_watermark", RESTORED_WATERMARK);
      }
      TestBroker.await(
          Duration.ofSeconds(20),
          () -> {
            connection.processDataEvents(0.05);
            return !connection.isBlocked();
          });
      connection.processDataEvents(0.05);
      assertThat(seen).containsExactly("blocked", "unblocked");
      channel.basicPublish("", queue, "z"); // goes through again
      assertThat(channel.queueDeclare(queue, o -> o.passive(true)).messageCount()).isPositive();
    }
  }

  private static boolean rabbitmqctl(String... args) throws InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
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
