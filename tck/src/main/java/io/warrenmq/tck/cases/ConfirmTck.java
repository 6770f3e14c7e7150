package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.drain;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.UnroutableError;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Confirm;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.RawConnection;
import io.warrenmq.tck.RawFrame;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Publisher confirms (a RabbitMQ extension, capability publisher_confirms). */
@Tck
@Tag("confirms")
class ConfirmTck {

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "confirm.select is answered with select-ok")
  void selectIsConfirmed(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Confirm.Select(false));
    assertThat(raw.expect(1, Confirm.SelectOk.class)).isNotNull();
  }

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "publishes are acked with tags 1, 2, 3 ...")
  void acksCountFromOne(TckBroker broker) {
    BlockingChannel setup = broker.channel();
    String q = broker.queue("confirm-seq");
    setup.queueDeclare(q);
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Confirm.Select(false));
    raw.expect(1, Confirm.SelectOk.class);
    for (int i = 0; i < 3; i++) {
      publish(raw, q);
    }
    long confirmed = 0;
    while (confirmed < 3) {
      RawFrame frame = raw.nextMethod();
      Basic.Ack ack = (Basic.Ack) frame.method();
      assertThat(ack.deliveryTag()).isGreaterThan(confirmed).isLessThanOrEqualTo(3);
      confirmed = ack.deliveryTag();
    }
  }

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "a routed publish is confirmed")
  void routedPublishIsConfirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    String q = tempQueue(ch);
    ch.basicPublish("", q, "confirmed");
    assertThat(ch.isConfirmDelivery()).isTrue();
    assertThat(drain(ch, q)).containsExactly("confirmed");
  }

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "an unroutable non-mandatory publish is acked")
  void unroutableIsStillAcked(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    ch.basicPublish("amq.direct", TckBroker.unique("nowhere"), "dropped");
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:confirms",
      text = "mandatory unroutable: basic.return, then the ack")
  void mandatoryUnroutableIsReturnedBeforeAck(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    UnroutableError e =
        catchThrowableOfType(
            UnroutableError.class,
            () ->
                ch.basicPublish(
                    "amq.direct", TckBroker.unique("nowhere"), "back", o -> o.mandatory(true)));
    assertThat(e).isNotNull();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "many publishes are all confirmed")
  void manyPublishesConfirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    String q = tempQueue(ch);
    for (int i = 0; i < 500; i++) {
      ch.basicPublish("", q, "m" + i);
    }
    assertThat(ch.queueDeclare(q, o -> o.passive(true)).messageCount()).isEqualTo(500);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:confirms",
      text = "a persistent message on a durable queue is confirmed")
  void persistentMessageConfirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    String q = broker.queue("durable-confirm");
    ch.queueDeclare(q, o -> o.durable(true));
    ch.basicPublish("", q, "kept", BasicProperties.builder().deliveryMode(2).build());
    assertThat(drain(ch, q)).containsExactly("kept");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:confirms",
      text = "a message routed to several queues is acked once")
  void fanoutPublishAckedOnce(TckBroker broker) {
    BlockingChannel setup = broker.channel();
    String x = broker.exchange("confirm-fanout");
    setup.exchangeDeclare(x, "fanout");
    String a = tempQueue(setup);
    String b = tempQueue(setup);
    setup.queueBind(a, x);
    setup.queueBind(b, x);
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Confirm.Select(false));
    raw.expect(1, Confirm.SelectOk.class);
    raw.send(1, new Basic.Publish(x, "", false, false));
    byte[] body = "x".getBytes(StandardCharsets.UTF_8);
    raw.sendHeader(1, body.length, BasicProperties.EMPTY).sendFrame(3, 1, body);
    assertThat(raw.expect(1, Basic.Ack.class).deliveryTag()).isEqualTo(1);
    raw.send(1, new Confirm.Select(false)); // a second select is allowed, and proves no 2nd ack
    raw.expect(1, Confirm.SelectOk.class);
  }

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "confirm.select on a transactional channel: 406")
  void selectOnTransactionalChannelFails(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.txSelect();
    Errors.channelError(ch, 406, ch::confirmDelivery);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:confirms",
      text = "publishing to a missing exchange in confirm mode: 404")
  void missingExchangeInConfirmMode(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    Errors.channelError(ch, 404, () -> ch.basicPublish(TckBroker.unique("nox"), "k", "m"));
  }

  private static void publish(RawConnection raw, String queue) {
    byte[] body = "c".getBytes(StandardCharsets.UTF_8);
    raw.send(1, new Basic.Publish("", queue, false, false));
    raw.sendHeader(1, body.length, BasicProperties.EMPTY).sendFrame(3, 1, body);
  }
}
