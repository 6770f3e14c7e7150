package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Consumers cancelled by the broker (on-cancel callbacks) and by the client (pending messages). */
@Timeout(30)
class ConsumerCancelIT {
  private BlockingConnection connection;
  private BlockingConnection other;
  private BlockingChannel channel;
  private String queue;

  @BeforeEach
  void open() {
    TestBroker.assumeAvailable();
    connection = TestBroker.connect();
    other = TestBroker.connect();
    channel = connection.channel();
    queue = TestBroker.unique("cancel");
    channel.queueDeclare(queue);
  }

  @AfterEach
  void close() {
    if (connection == null) {
      return;
    }
    other.channel().queueDelete(queue);
    other.close();
    connection.close();
  }

  /** Polls the queue from the other connection until {@code count} messages wait in it. */
  private void awaitReady(int count) throws InterruptedException {
    BlockingChannel probe = other.channel();
    TestBroker.await(
        Duration.ofSeconds(10),
        () -> probe.queueDeclare(queue, o -> o.passive(true)).messageCount() == count);
    probe.close();
  }

  @Test
  void brokerCancelRunsTheOnCancelCallbackAfterEarlierDeliveries() throws Exception {
    List<String> seen = new ArrayList<>();
    channel.addOnCancelCallback(tag -> seen.add("cancelled " + tag));
    String tag = channel.basicConsume(queue, (ch, m, p, b) -> seen.add(new String(b)));
    channel.basicPublish("", queue, "before");
    awaitReady(0); // delivered to us, not yet dispatched
    other.channel().queueDelete(queue); // RabbitMQ sends basic.cancel to the consumer
    connection.processDataEvents(0.2);
    TestBroker.await(
        Duration.ofSeconds(10),
        () -> {
          connection.processDataEvents(0.05);
          return seen.size() == 2;
        });
    assertThat(seen).containsExactly("before", "cancelled " + tag);
    assertThat(channel.hasConsumers()).isFalse();
    channel.startConsuming(); // nothing left to consume: returns at once
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void brokerCancelEndsAConsumeIterator() {
    channel.basicPublish("", queue, "only");
    ConsumeIterator iterator = channel.consume(queue, o -> o.autoAck(true).inactivityTimeout(5));
    assertThat(iterator.next().bodyAsString()).isEqualTo("only");
    other.channel().queueDelete(queue);
    // the cancel arrives while next() waits: the iterator ends instead of timing out
    while (iterator.hasNext()) {
      assertThat(iterator.next()).isNull();
    }
    assertThat(iterator.isCancelled()).isTrue();
  }

  @Test
  void cancellingAnAutoAckConsumerReturnsItsPendingMessages() throws Exception {
    List<String> dispatched = new ArrayList<>();
    String tag =
        channel.basicConsume(
            queue, (ch, m, p, b) -> dispatched.add(new String(b)), o -> o.autoAck(true));
    for (int i = 1; i <= 5; i++) {
      channel.basicPublish("", queue, "m" + i);
    }
    awaitReady(0); // all five are with this client, none dispatched (no processDataEvents yet)
    List<Delivery> pending = channel.basicCancelWithPending(tag);
    assertThat(pending)
        .extracting(Delivery::bodyAsString)
        .containsExactly("m1", "m2", "m3", "m4", "m5");
    connection.processDataEvents(0.1);
    assertThat(dispatched).isEmpty();
    assertThat(channel.hasConsumers()).isFalse();
  }

  @Test
  void cancellingAManualAckConsumerRequeuesItsPendingMessages() throws Exception {
    List<String> dispatched = new ArrayList<>();
    String tag = channel.basicConsume(queue, (ch, m, p, b) -> dispatched.add(new String(b)));
    for (int i = 1; i <= 3; i++) {
      channel.basicPublish("", queue, "m" + i);
    }
    awaitReady(0);
    assertThat(channel.basicCancelWithPending(tag)).isEmpty();
    connection.processDataEvents(0.1);
    assertThat(dispatched).isEmpty();
    awaitReady(3); // back in the queue
  }
}
