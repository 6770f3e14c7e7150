package io.warrenmq.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Publisher flow control under memory pressure, driven by the official RabbitMQ Java client: a tiny
 * watermark (64 KiB of queued bytes) is crossed by a publisher that fills a queue nobody consumes.
 */
@Timeout(60)
class FlowControlIT {
  private static final int WATERMARK = 64 * 1024;
  private static final int BODY = 1024;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static EmbeddedBroker broker;
  private final List<Connection> opened = new ArrayList<>();

  @BeforeAll
  static void start() {
    broker =
        EmbeddedBroker.start(
            BrokerConfig.ephemeral().withMemory(MemorySettings.queuedBytes(WATERMARK)));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @AfterEach
  void closeConnections() {
    for (Connection connection : opened) {
      try {
        connection.close(2000);
      } catch (Exception ignored) {
        // Best effort: the test is over.
      }
    }
  }

  @Test
  void advertisesConnectionBlocked() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> capabilities =
        (Map<String, Object>) open("caps").getServerProperties().get("capabilities");
    assertThat(capabilities).containsEntry("connection.blocked", true);
  }

  @Test
  void blockedPublisherIsNotReadWhileConsumersDrainThenResumes() throws Exception {
    Connection publisherConnection = open("publisher");
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    publisherConnection.addBlockedListener(
        reason -> events.add("blocked: " + reason), () -> events.add("unblocked"));
    Channel publisher = publisherConnection.createChannel();
    Channel observer = open("observer").createChannel();
    for (String queue : List.of("flow.work", "flow.late", "flow.side")) {
      observer.queueDeclare(queue, false, false, false, null);
    }
    // Before the alarm: a few tiny messages a consumer will take while the alarm is on.
    for (int i = 0; i < 5; i++) {
      publisher.basicPublish("", "flow.side", null, new byte[] {(byte) i});
    }

    int sent = fillUntilBlocked(publisher, observer, events, "flow.work");
    assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .isEqualTo("blocked: low on memory");
    assertThat(broker.broker().isMemoryAlarmRaised()).isTrue();

    // The broker paused reading before it sent connection.blocked: what we publish now stays in
    // the socket. Absence can only be watched for a while, so watch it for 300 ms.
    for (int i = 0; i < 5; i++) {
      publisher.basicPublish("", "flow.late", null, body(i));
    }
    long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
    while (System.nanoTime() < until) {
      assertThat(count(observer, "flow.late")).isZero();
    }

    // A connection that only consumes keeps being read: deliveries and acks go on.
    Connection consumerConnection = open("consumer");
    Channel side = consumerConnection.createChannel();
    AtomicInteger sideAcked = new AtomicInteger();
    side.basicConsume(
        "flow.side",
        false,
        (tag, delivery) -> {
          side.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
          sideAcked.incrementAndGet();
        },
        tag -> {});
    await(() -> sideAcked.get() == 5);
    side.close(); // unacked messages would come back on close: none may
    assertThat(count(observer, "flow.side")).isZero();
    assertThat(broker.broker().isMemoryAlarmRaised()).isTrue();
    assertThat(events).isEmpty();

    // Drain: memory falls under the watermark, the publisher is unblocked and read again.
    Set<Integer> work = ConcurrentHashMap.newKeySet();
    Set<Integer> late = ConcurrentHashMap.newKeySet();
    AtomicInteger deliveries = new AtomicInteger();
    Channel drain = consumerConnection.createChannel();
    drain.basicQos(16);
    DeliverCallback collect =
        (tag, delivery) -> {
          int seq = ByteBuffer.wrap(delivery.getBody()).getInt();
          (delivery.getEnvelope().getRoutingKey().equals("flow.late") ? late : work).add(seq);
          deliveries.incrementAndGet();
          drain.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        };
    drain.basicConsume("flow.work", false, collect, tag -> {});
    drain.basicConsume("flow.late", false, collect, tag -> {});
    assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("unblocked");
    await(() -> late.size() == 5);

    // Publishing resumes, and nothing was lost or duplicated.
    for (int i = 0; i < 10; i++) {
      publisher.basicPublish("", "flow.work", null, body(sent++));
    }
    int total = sent;
    await(() -> work.size() == total);
    assertThat(deliveries.get()).isEqualTo(total + 5);
    assertThat(broker.broker().isMemoryAlarmRaised()).isFalse();
    assertThat(events).isEmpty();
  }

  @Test
  void blockedPublisherOutlivesItsHeartbeatTimeout() throws Exception {
    ConnectionFactory factory = factory();
    factory.setRequestedHeartbeat(1);
    Connection publisherConnection = factory.newConnection("slow-heart");
    opened.add(publisherConnection);
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    publisherConnection.addBlockedListener(
        reason -> events.add("blocked: " + reason), () -> events.add("unblocked"));
    Channel publisher = publisherConnection.createChannel();
    Channel observer = open("observer").createChannel();
    observer.queueDeclare("flow.heart", false, false, false, null);
    int sent = fillUntilBlocked(publisher, observer, events, "flow.heart");
    assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).startsWith("blocked");

    // Its heartbeats sit unread in the socket: the broker must not take that for a dead peer
    // (RabbitMQ pauses its heartbeat monitor too). Two timeouts (2 s each) pass while we watch.
    long until = System.nanoTime() + Duration.ofMillis(4500).toNanos();
    while (System.nanoTime() < until) {
      assertThat(publisherConnection.isOpen()).isTrue();
      Thread.sleep(50);
    }
    int purged = observer.queuePurge("flow.heart").getMessageCount();
    assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("unblocked");
    // What was still unread when it blocked arrives now; then a new publish goes through.
    await(() -> purged + count(observer, "flow.heart") == sent);
    observer.queuePurge("flow.heart");
    publisher.basicPublish("", "flow.heart", null, body(0));
    await(() -> count(observer, "flow.heart") == 1);
    assertThat(publisherConnection.isOpen()).isTrue();
    observer.queuePurge("flow.heart");
  }

  /**
   * Fills {@code queue} in small batches, each read by the broker before the next, until the broker
   * blocks us: nothing piles up in socket buffers, so this thread never stalls in a socket write.
   * Returns how many were published (the last batch may still be unread).
   */
  private static int fillUntilBlocked(
      Channel publisher, Channel observer, BlockingQueue<String> events, String queue)
      throws Exception {
    int sent = 0;
    while (events.isEmpty()) {
      for (int i = 0; i < 8; i++) {
        publisher.basicPublish("", queue, null, body(sent++));
      }
      int expected = sent;
      await(() -> !events.isEmpty() || count(observer, queue) == expected);
      assertThat(sent).as("publishes before the alarm").isLessThan(20_000);
    }
    return sent;
  }

  private Connection open(String name) throws Exception {
    Connection connection = factory().newConnection(name);
    opened.add(connection);
    return connection;
  }

  private static ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(broker.host());
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(5000);
    factory.setChannelRpcTimeout(5000);
    factory.setShutdownTimeout(1000);
    return factory;
  }

  private static byte[] body(int seq) {
    return ByteBuffer.allocate(BODY).putInt(seq).array();
  }

  private static long count(Channel channel, String queue) {
    try {
      return channel.messageCount(queue);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(5);
    }
  }
}
