package io.warrenmq.tck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Exchange;
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

/**
 * Consumer cancel notification (capability {@code consumer_cancel_notify}, a RabbitMQ extension):
 * when a queue goes away under its consumers, clients that asked for it get a basic.cancel.
 */
@Tck
@Tag("consumer-cancel")
class ConsumerCancelTck {

  private static List<String> cancels(BlockingChannel ch) {
    List<String> cancelled = new CopyOnWriteArrayList<>();
    ch.addOnCancelCallback(cancelled::add);
    return cancelled;
  }

  @Test
  @SpecRule(
      section = "rabbitmq:consumer-cancel",
      text = "deleting the queue sends basic.cancel to its consumer; the channel stays open")
  void queueDeletionCancelsConsumer(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<String> cancelled = cancels(ch);
    String q = broker.queue("cancel-notify");
    ch.queueDeclare(q);
    String tag = ch.basicConsume(q, (c, m, p, b) -> {});
    broker.channel().queueDelete(q);
    Wait.dispatching(connection, "basic.cancel", () -> cancelled.size() == 1);
    assertThat(cancelled).containsExactly(tag);
    assertThat(ch.isOpen()).isTrue();
    assertThat(ch.hasConsumers()).isFalse();
    ch.queueDeclare(q);
    assertThat(ch.basicConsume(q, (c, m, p, b) -> {}, o -> o.consumerTag(tag))).isEqualTo(tag);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:consumer-cancel",
      text = "every consumer of the deleted queue, on any channel, is notified")
  void everyConsumerIsNotified(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel first = connection.channel();
    BlockingChannel second = connection.channel();
    List<String> toFirst = cancels(first);
    List<String> toSecond = cancels(second);
    String q = broker.queue("cancel-many");
    first.queueDeclare(q);
    String a = first.basicConsume(q, (c, m, p, b) -> {});
    String b = first.basicConsume(q, (c, m, p, body) -> {}, o -> o.autoAck(true));
    String c = second.basicConsume(q, (ch, m, p, body) -> {});
    broker.channel().queueDelete(q);
    Wait.dispatching(
        connection, "three cancels", () -> toFirst.size() == 2 && toSecond.size() == 1);
    assertThat(toFirst).containsExactlyInAnyOrder(a, b);
    assertThat(toSecond).containsExactly(c);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:consumer-cancel",
      text = "an unacked delivery of a cancelled consumer can still be acked")
  void unackedDeliveryOutlivesTheQueue(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<String> cancelled = cancels(ch);
    List<Long> tags = new CopyOnWriteArrayList<>();
    String q = broker.queue("cancel-unacked");
    ch.queueDeclare(q);
    ch.basicPublish("", q, "m");
    ch.basicConsume(q, (c, m, p, b) -> tags.add(m.deliveryTag()));
    Wait.dispatching(connection, "the delivery", () -> tags.size() == 1);
    broker.channel().queueDelete(q);
    Wait.dispatching(connection, "basic.cancel", () -> cancelled.size() == 1);
    ch.basicAck(tags.get(0));
    ch.exchangeDeclare("amq.direct", "direct", o -> o.passive(true));
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:consumer-cancel",
      text = "a client that did not announce consumer_cancel_notify gets no basic.cancel")
  void noNotificationWithoutCapability(TckBroker broker) {
    BlockingChannel setup = broker.channel();
    String q = broker.queue("cancel-silent");
    setup.queueDeclare(q);
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Basic.Consume(q, "silent", false, true, false, false, Map.of()));
    raw.expect(1, Basic.ConsumeOk.class);
    setup.queueDelete(q);
    raw.send(
        1,
        new Exchange.Declare("amq.direct", "direct", true, false, false, false, false, Map.of()));
    assertThat(raw.nextMethod().method()).isInstanceOf(Exchange.DeclareOk.class);
  }
}
