package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.count;
import static io.warrenmq.tck.Messages.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.ConsumeIterator;
import io.warrenmq.client.Delivery;
import io.warrenmq.client.GetResponse;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.tck.RawConnection;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Consuming and acknowledging: get, consume, ack/nack/reject, requeue and redelivery. */
@Tck
@Tag("consuming")
class ConsumeAckTck {

  private static String queueWith(TckBroker broker, BlockingChannel ch, String... bodies) {
    // Confirm mode: each publish is in the queue when it returns (declare-ok counts and
    // deliveries to other channels would otherwise race the publishes).
    if (!ch.isConfirmDelivery()) {
      ch.confirmDelivery();
    }
    String q = broker.queue("consume");
    ch.queueDeclare(q);
    for (String body : bodies) {
      ch.basicPublish("", q, body);
    }
    return q;
  }

  @Test
  @SpecRule(section = "1.8.3.10", text = "basic.get returns a message, then get-empty")
  void getThenEmpty(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "only");
    GetResponse r = ch.basicGet(q, o -> o.autoAck(true));
    assertThat(r.bodyAsString()).isEqualTo("only");
    assertThat(r.method().redelivered()).isFalse();
    assertThat(r.method().routingKey()).isEqualTo(q);
    assertThat(ch.basicGet(q)).isNull();
  }

  @Test
  @SpecRule(section = "1.8.3.11", text = "get-ok reports how many messages remain")
  void getOkReportsRemaining(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "a", "b", "c");
    assertThat(ch.basicGet(q, o -> o.autoAck(true)).method().messageCount()).isEqualTo(2);
  }

  @Test
  @SpecRule(
      section = "1.8.3.13",
      text = "an unacked get is requeued, redelivered, when the channel closes")
  void unackedGetRequeuedOnChannelClose(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, "keep");
    assertThat(ch.basicGet(q).bodyAsString()).isEqualTo("keep");
    ch.close();
    GetResponse again = connection.channel().basicGet(q, o -> o.autoAck(true));
    assertThat(again.bodyAsString()).isEqualTo("keep");
    assertThat(again.method().redelivered()).isTrue();
  }

  @Test
  @SpecRule(section = "1.8.3.9", text = "deliver carries tag, consumer tag, exchange and key")
  void deliverCarriesEnvelope(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, "one", "two");
    List<Basic.Deliver> seen = new CopyOnWriteArrayList<>();
    String tag = ch.basicConsume(q, (c, m, p, b) -> seen.add(m), o -> o.autoAck(true));
    Wait.dispatching(connection, "two deliveries", () -> seen.size() == 2);
    assertThat(seen).allSatisfy(m -> assertThat(m.consumerTag()).isEqualTo(tag));
    assertThat(seen.get(0).exchange()).isEmpty();
    assertThat(seen.get(0).routingKey()).isEqualTo(q);
    assertThat(seen.get(1).deliveryTag()).isGreaterThan(seen.get(0).deliveryTag());
  }

  @Test
  @SpecRule(section = "1.8.3.13", text = "an ack removes the message for good")
  void ackRemovesMessage(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, "ack me");
    GetResponse r = ch.basicGet(q);
    ch.basicAck(r.method().deliveryTag());
    ch.close();
    assertThat(count(connection.channel(), q)).isZero();
  }

  @Test
  @SpecRule(section = "1.8.3.13", text = "ack with multiple acknowledges every tag up to it")
  void ackMultiple(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, "1", "2", "3");
    ch.basicGet(q);
    ch.basicGet(q);
    long third = ch.basicGet(q).method().deliveryTag();
    ch.basicAck(third, o -> o.multiple(true));
    ch.close();
    assertThat(count(connection.channel(), q)).isZero();
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "nack with requeue puts the message back, redelivered")
  void nackRequeues(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "again");
    ch.basicNack(ch.basicGet(q).method().deliveryTag());
    GetResponse r = ch.basicGet(q, o -> o.autoAck(true));
    assertThat(r.bodyAsString()).isEqualTo("again");
    assertThat(r.method().redelivered()).isTrue();
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "nack multiple without requeue drops them all")
  void nackMultipleDrops(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "1", "2", "3");
    ch.basicGet(q);
    long second = ch.basicGet(q).method().deliveryTag();
    ch.basicNack(second, o -> o.multiple(true).requeue(false));
    assertThat(drain(ch, q)).containsExactly("3");
  }

  @Test
  @SpecRule(section = "1.8.3.14", text = "reject with requeue puts the message back")
  void rejectRequeues(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "back");
    ch.basicReject(ch.basicGet(q).method().deliveryTag());
    GetResponse r = ch.basicGet(q, o -> o.autoAck(true));
    assertThat(r.bodyAsString()).isEqualTo("back");
    assertThat(r.method().redelivered()).isTrue();
  }

  @Test
  @SpecRule(section = "1.8.3.14", text = "reject without requeue discards the message")
  void rejectDiscards(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "gone");
    ch.basicReject(ch.basicGet(q).method().deliveryTag(), o -> o.requeue(false));
    assertThat(drain(ch, q)).isEmpty();
  }

  @Test
  @SpecRule(
      section = "1.8.3.13",
      text = "unacked deliveries return, redelivered, when the consumer's connection closes")
  void redeliveredWhenConsumerConnectionCloses(TckBroker broker) {
    BlockingChannel setup = broker.channel();
    String q = queueWith(broker, setup, "work");
    BlockingConnection worker = broker.connect();
    BlockingChannel wch = worker.channel();
    List<String> got = new CopyOnWriteArrayList<>();
    wch.basicConsume(q, (c, m, p, b) -> got.add(new String(b)));
    Wait.dispatching(worker, "delivery to the first worker", () -> got.size() == 1);
    worker.close(); // never acked
    GetResponse r = setup.basicGet(q, o -> o.autoAck(true));
    assertThat(r).isNotNull();
    assertThat(r.bodyAsString()).isEqualTo("work");
    assertThat(r.method().redelivered()).isTrue();
  }

  @Test
  @SpecRule(
      section = "1.8.3.13",
      text = "unacked deliveries return, redelivered, when the consumer's socket dies")
  void redeliveredWhenConsumerSocketDies(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch, "orphan");
    RawConnection dying = broker.raw().openChannel(1);
    dying.send(1, new Basic.Consume(q, "dying", false, false, false, false, Map.of()));
    dying.expect(1, Basic.ConsumeOk.class);
    dying.expect(1, Basic.Deliver.class);
    dying.close(); // no connection.close: the peer just vanishes
    List<Delivery> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(new Delivery(m, p, b)), o -> o.autoAck(true));
    Wait.dispatching(connection, "the redelivery", () -> got.size() == 1);
    assertThat(got.get(0).bodyAsString()).isEqualTo("orphan");
    assertThat(got.get(0).method().redelivered()).isTrue();
  }

  @Test
  @SpecRule(section = "1.8.3.5", text = "after basic.cancel the consumer gets nothing more")
  void cancelStopsDeliveries(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch);
    List<String> got = new CopyOnWriteArrayList<>();
    String tag = ch.basicConsume(q, (c, m, p, b) -> got.add(new String(b)), o -> o.autoAck(true));
    ch.basicCancel(tag);
    ch.basicPublish("", q, "after");
    assertThat(count(ch, q)).isEqualTo(1);
    connection.processDataEvents(0.2);
    assertThat(got).isEmpty();
  }

  @Test
  @SpecRule(section = "2.1.1", text = "consumers of one queue get messages round-robin")
  void roundRobinBetweenConsumers(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch);
    List<String> a = new CopyOnWriteArrayList<>();
    List<String> b = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, body) -> a.add(new String(body)), o -> o.autoAck(true));
    ch.basicConsume(q, (c, m, p, body) -> b.add(new String(body)), o -> o.autoAck(true));
    for (int i = 0; i < 10; i++) {
      ch.basicPublish("", q, "m" + i);
    }
    Wait.dispatching(connection, "ten deliveries", () -> a.size() + b.size() == 10);
    assertThat(a).hasSize(5);
    assertThat(b).hasSize(5);
  }

  @Test
  @SpecRule(section = "1.8.3.16", text = "basic.recover(requeue) redelivers unacked messages")
  void recoverRedelivers(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "recover");
    ch.basicGet(q);
    ch.basicRecover(o -> o.requeue(true));
    GetResponse r = ch.basicGet(q, o -> o.autoAck(true));
    assertThat(r.bodyAsString()).isEqualTo("recover");
    assertThat(r.method().redelivered()).isTrue();
  }

  @Test
  @SpecRule(section = "1.8.3.3", text = "an empty consumer tag makes the broker choose one")
  void serverGeneratedConsumerTag(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch);
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Basic.Consume(q, "", false, true, false, false, Map.of()));
    assertThat(raw.expect(1, Basic.ConsumeOk.class).consumerTag()).isNotEmpty();
  }

  @Test
  @SpecRule(section = "4.2.6", text = "a large body split across many frames arrives whole")
  void largeBodyAcrossManyFrames(TckBroker broker) {
    BlockingConnection connection = broker.connect(p -> p.frameMax(4096));
    BlockingChannel ch = connection.channel();
    String q = queueWith(broker, ch);
    byte[] body = new byte[1024 * 1024 + 17];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    ch.basicPublish("", q, body);
    List<byte[]> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(b), o -> o.autoAck(true));
    Wait.dispatching(connection, "the large message", () -> got.size() == 1);
    assertThat(got.get(0)).isEqualTo(body);
  }

  @Test
  @SpecRule(section = "4.2.6", text = "an empty body is delivered as an empty body")
  void emptyBody(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch);
    ch.basicPublish("", q, new byte[0]);
    assertThat(ch.basicGet(q, o -> o.autoAck(true)).body()).isEmpty();
  }

  @Test
  @SpecRule(section = "1.8.3.3", text = "the consume iterator yields deliveries in order")
  void consumeIterator(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queueWith(broker, ch, "x", "y");
    ConsumeIterator it = ch.consume(q, o -> o.autoAck(true).inactivityTimeout(5));
    assertThat(it.next().bodyAsString()).isEqualTo("x");
    assertThat(it.next().bodyAsString()).isEqualTo("y");
    ch.cancel();
  }
}
