package io.warrenmq.tck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prefetch (basic.qos) and fair dispatch. "Nothing more arrives" is checked by a synchronous round
 * trip after the broker had the chance to deliver: a passive declare that reports the messages
 * still ready, which cannot be ready and delivered at once.
 */
@Tck
@Tag("qos")
class QosTck {

  private static String queueWith(TckBroker broker, BlockingChannel ch, int n) {
    // Confirm mode: each publish is in the queue when it returns.
    if (!ch.isConfirmDelivery()) {
      ch.confirmDelivery();
    }
    String q = broker.queue("qos");
    ch.queueDeclare(q);
    for (int i = 0; i < n; i++) {
      ch.basicPublish("", q, "m" + i);
    }
    return q;
  }

  private static long ready(BlockingChannel ch, String q) {
    return ch.queueDeclare(q, o -> o.passive(true)).messageCount();
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "prefetch 1: one unacked delivery at a time")
  void prefetchOne(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, 3);
    ch.basicQos(1);
    List<Basic.Deliver> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(m));
    Wait.dispatching(connection, "first delivery", () -> got.size() == 1);
    Wait.until("two left ready", () -> ready(ch, q) == 2);
    assertThat(got).hasSize(1);
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "prefetch N: exactly N unacked deliveries")
  void prefetchN(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, 10);
    ch.basicQos(4);
    List<Basic.Deliver> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(m));
    Wait.dispatching(connection, "four deliveries", () -> got.size() == 4);
    Wait.until("six left ready", () -> ready(ch, q) == 6);
    connection.processDataEvents(0.2);
    assertThat(got).hasSize(4);
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "an ack frees a prefetch slot for the next message")
  void ackFreesSlot(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, 3);
    ch.basicQos(1);
    List<Basic.Deliver> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(
        q,
        (c, m, p, b) -> {
          got.add(m);
          c.basicAck(m.deliveryTag());
        });
    Wait.dispatching(connection, "all three, one by one", () -> got.size() == 3);
    Wait.until("none left ready", () -> ready(ch, q) == 0);
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "fair dispatch: a busy worker gets no more until it acks")
  void fairDispatch(TckBroker broker) {
    BlockingConnection busyConnection = broker.connect();
    BlockingConnection freeConnection = broker.connect();
    BlockingChannel busy = busyConnection.channel();
    BlockingChannel free = freeConnection.channel();
    String q = broker.queue("fair");
    busy.queueDeclare(q);
    busy.basicQos(1);
    free.basicQos(1);
    List<String> busyGot = new CopyOnWriteArrayList<>();
    List<String> freeGot = new CopyOnWriteArrayList<>();
    busy.basicConsume(q, (c, m, p, b) -> busyGot.add(new String(b)));
    free.basicConsume(
        q,
        (c, m, p, b) -> {
          freeGot.add(new String(b));
          c.basicAck(m.deliveryTag());
        });
    for (int i = 0; i < 10; i++) {
      busy.basicPublish("", q, "task" + i);
    }
    Wait.until(
        "all tasks handed out",
        () -> {
          busyConnection.processDataEvents(0.01);
          freeConnection.processDataEvents(0.01);
          return busyGot.size() + freeGot.size() == 10 || freeGot.size() == 9;
        });
    assertThat(busyGot).hasSize(1);
    assertThat(freeGot).hasSize(9);
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "prefetch 0 means no limit")
  void prefetchZeroIsUnlimited(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, 20);
    ch.basicQos(0);
    List<Basic.Deliver> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(m));
    Wait.dispatching(connection, "all twenty", () -> got.size() == 20);
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "prefetch does not limit auto-ack consumers")
  void prefetchIgnoredForAutoAck(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, 5);
    ch.basicQos(1);
    List<Basic.Deliver> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(m), o -> o.autoAck(true));
    Wait.dispatching(connection, "all five", () -> got.size() == 5);
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "basic.get is not limited by prefetch")
  void getIgnoresPrefetch(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, 3);
    ch.basicQos(1);
    assertThat(ch.basicGet(q)).isNotNull();
    assertThat(ch.basicGet(q)).isNotNull();
    assertThat(ch.basicGet(q)).isNotNull();
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "global qos is shared by all consumers of the channel")
  void globalQosSharedByChannel(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q1 = queueWith(broker, ch, 5);
    String q2 = queueWith(broker, ch, 5);
    ch.basicQos(o -> o.prefetchCount(3).global(true));
    List<Basic.Deliver> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q1, (c, m, p, b) -> got.add(m));
    ch.basicConsume(q2, (c, m, p, b) -> got.add(m));
    Wait.dispatching(connection, "three deliveries", () -> got.size() == 3);
    Wait.until("seven left ready", () -> ready(ch, q1) + ready(ch, q2) == 7);
    assertThat(got).hasSize(3);
  }

  @Test
  @SpecRule(
      section = "1.8.3.1",
      text = "a nacked and requeued message goes to a free consumer again")
  void requeuedMessageRedeliveredWithinPrefetch(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, 1);
    ch.basicQos(1);
    List<Basic.Deliver> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(
        q,
        (c, m, p, b) -> {
          got.add(m);
          if (m.redelivered()) {
            c.basicAck(m.deliveryTag());
          } else {
            c.basicNack(m.deliveryTag());
          }
        });
    Wait.dispatching(connection, "the redelivery", () -> got.size() == 2);
    assertThat(got.get(1).redelivered()).isTrue();
  }
}
