package io.warrenmq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable queue far deeper than its paging window (64 KiB here, against ~2 MiB queued), in a
 * broker JVM of its own: its messages come back in order with their bodies while it drains with a
 * consumer and with basic.get, after the segments under it were compacted, after kill -9 and after
 * a clean restart.
 */
@Timeout(120)
class PagingIT {
  private static final int MESSAGES = 3000;
  private static final String[] OPTIONS = {
    "-Dwarrenmq.queue.page_window_bytes=65536", "-Dwarrenmq.store.segment_size=262144"
  };

  @TempDir Path dataDir;

  private static byte[] body(int i) {
    return (i + ":" + "p".repeat(600 + i % 50)).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deepQueueDrainsInOrderAcrossCompactionKillAndRestart() throws Exception {
    int port = BrokerProcess.freePort();
    Process broker = BrokerProcess.start(dataDir, port, OPTIONS);
    int next = 0;
    try (Connection connection = BrokerProcess.connect(port)) {
      Channel channel = connection.createChannel();
      channel.queueDeclare("deep", true, false, false, null);
      channel.queueDeclare("churn", true, false, false, null);
      channel.confirmSelect();
      byte[] filler = new byte[3000];
      for (int i = 0; i < MESSAGES; i++) {
        channel.basicPublish("", "deep", MessageProperties.PERSISTENT_TEXT_PLAIN, body(i));
        channel.basicPublish("", "churn", MessageProperties.PERSISTENT_BASIC, filler);
      }
      channel.waitForConfirmsOrDie(30_000);
      next = consume(connection, next, 500);

      // Settling every churn message leaves the segments sparse: compaction moves the deep
      // queue's records (paged out, only refs in memory) to new segments.
      long full = diskUsage();
      for (GetResponse r; (r = channel.basicGet("churn", true)) != null; ) {
        assertThat(r.getBody()).hasSize(filler.length);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (diskUsage() > full / 3 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(diskUsage()).isLessThan(full / 3);
      next = consume(connection, next, 1000);
    } finally {
      broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9
    }

    broker = BrokerProcess.start(dataDir, port, OPTIONS);
    try (Connection connection = BrokerProcess.connect(port)) {
      next = get(connection, firstAfterCrash(connection, next), 700);
    } finally {
      broker.destroy(); // SIGTERM: a clean stop
      broker.waitFor(20, TimeUnit.SECONDS);
    }
    broker = BrokerProcess.start(dataDir, port, OPTIONS);
    try (Connection connection = BrokerProcess.connect(port)) {
      next = consume(connection, next, MESSAGES - next);
      assertThat(next).isEqualTo(MESSAGES);
      assertThat(connection.createChannel().queueDeclarePassive("deep").getMessageCount()).isZero();
    } finally {
      broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Consumes and acks {@code count} messages, checking they are {@code from}, from + 1, ... */
  private static int consume(Connection connection, int from, int count) throws Exception {
    Channel channel = connection.createChannel();
    channel.basicQos(100);
    BlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
    int[] acked = {0};
    String tag =
        channel.basicConsume(
            "deep",
            false,
            new DefaultConsumer(channel) {
              @Override
              public void handleDelivery(
                  String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                  throws java.io.IOException {
                if (acked[0] < count) {
                  acked[0]++;
                  bodies.add(body);
                  channel.basicAck(envelope.getDeliveryTag(), false);
                }
              }
            });
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] body = bodies.poll(20, TimeUnit.SECONDS);
      assertThat(body).as("message %d", from + i).isNotNull();
      assertThat(body).isEqualTo(body(from + i));
      ids.add(from + i);
    }
    channel.basicCancel(tag);
    channel.close(); // the unacked beyond count go back, in order
    return from + ids.size();
  }

  /**
   * Where the queue resumes after a kill -9: acks are not forced (STORE.md, "Durability
   * guarantee"), so the last ones sent before the kill may not have reached the disk and those
   * messages come back (at-least-once). Nothing after {@code next} may be missing; the peeked
   * message is requeued for {@link #get}.
   */
  private static int firstAfterCrash(Connection connection, int next) throws Exception {
    Channel channel = connection.createChannel();
    GetResponse head = channel.basicGet("deep", false);
    assertThat(head).as("message %d", next).isNotNull();
    String text = new String(head.getBody(), StandardCharsets.UTF_8);
    int first = Integer.parseInt(text.substring(0, text.indexOf(':')));
    assertThat(first).as("first message after the crash").isBetween(0, next);
    channel.basicReject(head.getEnvelope().getDeliveryTag(), true);
    channel.close();
    return first;
  }

  /** As {@link #consume}, with basic.get. */
  private static int get(Connection connection, int from, int count) throws Exception {
    Channel channel = connection.createChannel();
    for (int i = 0; i < count; i++) {
      GetResponse response = channel.basicGet("deep", false);
      assertThat(response).as("message %d", from + i).isNotNull();
      assertThat(response.getBody()).isEqualTo(body(from + i));
      assertThat(response.getEnvelope().isRedeliver()).isTrue();
      channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
    }
    channel.close();
    return from + count;
  }

  private long diskUsage() throws Exception {
    try (Stream<Path> files = Files.list(dataDir.resolve("msgs"))) {
      return files.mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
