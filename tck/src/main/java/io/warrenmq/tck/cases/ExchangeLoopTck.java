package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.drain;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.UnroutableError;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exchange-to-exchange bindings that form cycles or diamonds: routing ends, and each queue gets a
 * message once however many paths lead to it.
 */
@Tck
@Tag("exchanges")
class ExchangeLoopTck {

  private static BlockingChannel confirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    return ch;
  }

  private static String fanout(TckBroker broker, BlockingChannel ch) {
    String x = broker.exchange("loop");
    ch.exchangeDeclare(x, "fanout");
    return x;
  }

  @Test
  @SpecRule(section = "rabbitmq:e2e", text = "two exchanges bound to each other: delivered once")
  void twoExchangeCycle(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String a = fanout(broker, ch);
    String b = fanout(broker, ch);
    ch.exchangeBind(b, a, "");
    ch.exchangeBind(a, b, "");
    String q = tempQueue(ch);
    ch.queueBind(q, a, "");
    ch.queueBind(q, b, "");
    ch.basicPublish(a, "", "once");
    ch.basicPublish(b, "", "again-once");
    assertThat(drain(ch, q)).containsExactly("once", "again-once");
  }

  @Test
  @SpecRule(section = "rabbitmq:e2e", text = "an exchange bound to itself: delivered once")
  void selfLoop(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String a = fanout(broker, ch);
    ch.exchangeBind(a, a, "");
    String q = tempQueue(ch);
    ch.queueBind(q, a, "");
    ch.basicPublish(a, "", "once");
    assertThat(drain(ch, q)).containsExactly("once");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:e2e",
      text = "a three-exchange ring with a queue on each: each queue gets one copy")
  void ringOfThree(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String a = fanout(broker, ch);
    String b = fanout(broker, ch);
    String c = broker.exchange("loop-topic");
    ch.exchangeDeclare(c, "topic");
    ch.exchangeBind(b, a, "");
    ch.exchangeBind(c, b, "");
    ch.exchangeBind(a, c, "#");
    String qa = tempQueue(ch);
    String qb = tempQueue(ch);
    String qc = tempQueue(ch);
    ch.queueBind(qa, a, "");
    ch.queueBind(qb, b, "");
    ch.queueBind(qc, c, "k.#");
    ch.basicPublish(b, "k.1", "m");
    assertThat(drain(ch, qa)).containsExactly("m");
    assertThat(drain(ch, qb)).containsExactly("m");
    assertThat(drain(ch, qc)).containsExactly("m");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:e2e",
      text = "a diamond (two paths to one queue): the queue gets one copy")
  void diamond(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String top = fanout(broker, ch);
    String left = fanout(broker, ch);
    String right = fanout(broker, ch);
    String bottom = fanout(broker, ch);
    ch.exchangeBind(left, top, "");
    ch.exchangeBind(right, top, "");
    ch.exchangeBind(bottom, left, "");
    ch.exchangeBind(bottom, right, "");
    String q = tempQueue(ch);
    ch.queueBind(q, bottom, "");
    ch.queueBind(q, left, "");
    ch.basicPublish(top, "", "one");
    assertThat(drain(ch, q)).containsExactly("one");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:e2e",
      text = "a cycle with no queue: a mandatory message is returned, the channel lives")
  void cycleWithoutQueueReturns(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String a = fanout(broker, ch);
    String b = fanout(broker, ch);
    ch.exchangeBind(b, a, "");
    ch.exchangeBind(a, b, "");
    UnroutableError e =
        catchThrowableOfType(
            UnroutableError.class, () -> ch.basicPublish(a, "", "m", o -> o.mandatory(true)));
    assertThat(e).isNotNull();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "rabbitmq:e2e", text = "unbinding one edge of a cycle keeps the rest routing")
  void unbindOneEdge(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String a = fanout(broker, ch);
    String b = fanout(broker, ch);
    ch.exchangeBind(b, a, "");
    ch.exchangeBind(a, b, "");
    String q = tempQueue(ch);
    ch.queueBind(q, a, "");
    ch.exchangeUnbind(a, b, "");
    ch.basicPublish(b, "", "lost");
    ch.basicPublish(a, "", "kept");
    assertThat(drain(ch, q)).containsExactly("kept");
  }
}
