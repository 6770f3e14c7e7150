package io.warrenmq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background compaction end to end, with the broker as a separate JVM (256 KiB segments): publish
 * persistent messages, ack all but a few, and the sparse segments shrink to a fraction of their
 * size on their own; the survivors come back, in order, after SIGKILL and after a clean restart.
 */
@Timeout(120)
class CompactionIT {
  private static final int MESSAGES = 3000;
  private static final int KEEP_EVERY = 499;

  @TempDir Path dataDir;

  @Test
  void sparseSegmentsAreCompactedAndSurvivorsSurviveKillAndRestart() throws Exception {
    int port = BrokerProcess.freePort();
    Process broker = BrokerProcess.start(dataDir, port, "-Dwarrenmq.store.segment_size=262144");
    List<String> survivors = new ArrayList<>();
    try (Connection connection = BrokerProcess.connect(port)) {
      Channel channel = connection.createChannel();
      channel.queueDeclare("cq", true, false, false, null);
      channel.confirmSelect();
      String padding = "x".repeat(1024);
      for (int i = 0; i < MESSAGES; i++) {
        channel.basicPublish(
            "", "cq", MessageProperties.PERSISTENT_BASIC, (i + ":" + padding).getBytes());
      }
      channel.waitForConfirmsOrDie(30_000);
      long full = diskUsage();
      assertThat(full).isGreaterThan(MESSAGES * 1024L);

      Channel consumer = connection.createChannel();
      for (int i = 0; i < MESSAGES; i++) {
        GetResponse response = consumer.basicGet("cq", false);
        if (i % KEEP_EVERY == 0) {
          survivors.add(String.valueOf(i)); // left unacked: requeued when the channel closes
        } else {
          consumer.basicAck(response.getEnvelope().getDeliveryTag(), false);
        }
      }
      consumer.close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (diskUsage() > full / 4 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      System.out.printf("compaction: %d bytes before, %d after%n", full, diskUsage());
      assertThat(diskUsage()).isLessThan(full / 4);
      assertThat(survivors).hasSize(MESSAGES / KEEP_EVERY + 1);
      BrokerProcess.awaitAcksWritten(connection, "cq");
    } finally {
      broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9
    }

    broker = BrokerProcess.start(dataDir, port, "-Dwarrenmq.store.segment_size=262144");
    try (Connection connection = BrokerProcess.connect(port)) {
      assertThat(peek(connection)).containsExactlyElementsOf(survivors);
    } finally {
      broker.destroy(); // SIGTERM: a clean stop
      broker.waitFor(20, TimeUnit.SECONDS);
    }
    broker = BrokerProcess.start(dataDir, port, "-Dwarrenmq.store.segment_size=262144");
    try (Connection connection = BrokerProcess.connect(port)) {
      assertThat(peek(connection)).containsExactlyElementsOf(survivors);
    } finally {
      broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The queue's message ids in order, left in the queue (unacked, requeued on close). */
  private static List<String> peek(Connection connection) throws Exception {
    Channel channel = connection.createChannel();
    List<String> ids = new ArrayList<>();
    for (GetResponse response; (response = channel.basicGet("cq", false)) != null; ) {
      String body = new String(response.getBody(), StandardCharsets.UTF_8);
      ids.add(body.substring(0, body.indexOf(':')));
      assertThat(response.getEnvelope().isRedeliver()).isTrue();
    }
    channel.close();
    return ids;
  }

  private long diskUsage() throws Exception {
    try (Stream<Path> files = Files.list(dataDir.resolve("msgs"))) {
      return files.mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
