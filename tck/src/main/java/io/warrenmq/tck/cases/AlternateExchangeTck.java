package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.drain;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.GetResponse;
import io.warrenmq.client.UnroutableError;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Alternate exchanges (the {@code alternate-exchange} exchange argument, a RabbitMQ extension):
 * what an exchange cannot route goes to its alternate. Publishes go through a confirm-mode channel,
 * so that a mandatory message that came back raises {@link UnroutableError} from the publish.
 */
@Tck
@Tag("alternate-exchange")
class AlternateExchangeTck {

  private static BlockingChannel confirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    return ch;
  }

  private static String declare(
      TckBroker broker, BlockingChannel ch, String type, String alternate) {
    String x = broker.exchange(type);
    ch.exchangeDeclare(
        x,
        type,
        o -> o.arguments(alternate == null ? Map.of() : Map.of("alternate-exchange", alternate)));
    return x;
  }

  private static String boundQueue(BlockingChannel ch, String exchange, String key) {
    String q = tempQueue(ch);
    ch.queueBind(q, exchange, key);
    return q;
  }

  @Test
  @SpecRule(section = "rabbitmq:ae", text = "an unroutable message goes to the alternate exchange")
  void unroutableGoesToAlternate(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String ae = declare(broker, ch, "fanout", null);
    String x = declare(broker, ch, "direct", ae);
    String aeQueue = boundQueue(ch, ae, "");
    String q = boundQueue(ch, x, "known");
    ch.basicPublish(x, "known", "routed");
    ch.basicPublish(x, "unknown", "alternate");
    assertThat(drain(ch, q)).containsExactly("routed");
    assertThat(drain(ch, aeQueue)).containsExactly("alternate");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "a message routed by the alternate keeps its exchange and routing key")
  void deliveredWithOriginalExchangeAndKey(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String ae = declare(broker, ch, "fanout", null);
    String x = declare(broker, ch, "direct", ae);
    String aeQueue = boundQueue(ch, ae, "");
    ch.basicPublish(x, "the-key", "m");
    GetResponse r = ch.basicGet(aeQueue, o -> o.autoAck(true));
    assertThat(r).isNotNull();
    assertThat(r.method().exchange()).isEqualTo(x);
    assertThat(r.method().routingKey()).isEqualTo("the-key");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "the alternate routes with its own type and the original key")
  void alternateRoutesByItsOwnBindings(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String ae = declare(broker, ch, "direct", null);
    String x = declare(broker, ch, "direct", ae);
    String red = boundQueue(ch, ae, "red");
    ch.basicPublish(x, "red", "r");
    ch.basicPublish(x, "blue", "b");
    assertThat(drain(ch, red)).containsExactly("r");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "mandatory: no basic.return when the alternate routed it, and it is confirmed")
  void mandatoryIsNotReturnedWhenAlternateRoutes(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String ae = declare(broker, ch, "fanout", null);
    String x = declare(broker, ch, "direct", ae);
    String aeQueue = boundQueue(ch, ae, "");
    ch.basicPublish(x, "nowhere", "kept", o -> o.mandatory(true));
    assertThat(drain(ch, aeQueue)).containsExactly("kept");
  }

  @Test
  @SpecRule(section = "rabbitmq:ae", text = "chains of alternate exchanges are followed")
  void chainOfAlternates(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String last = declare(broker, ch, "fanout", null);
    String middle = declare(broker, ch, "direct", last);
    String x = declare(broker, ch, "direct", middle);
    String q = boundQueue(ch, last, "");
    ch.basicPublish(x, "k", "chained", o -> o.mandatory(true));
    assertThat(drain(ch, q)).containsExactly("chained");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "a missing alternate exchange: the message is dropped, mandatory ones returned")
  void missingAlternateDropsOrReturns(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = declare(broker, ch, "direct", TckBroker.unique("missing-ae"));
    ch.basicPublish(x, "k", "dropped");
    UnroutableError e =
        catchThrowableOfType(
            UnroutableError.class, () -> ch.basicPublish(x, "k", "back", o -> o.mandatory(true)));
    assertThat(e).isNotNull();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "alternates that form a cycle end; an unroutable mandatory message is returned")
  void cycleOfAlternatesEnds(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String a = broker.exchange("ae-cycle-a");
    String b = broker.exchange("ae-cycle-b");
    ch.exchangeDeclare(a, "direct", o -> o.arguments(Map.of("alternate-exchange", b)));
    ch.exchangeDeclare(b, "direct", o -> o.arguments(Map.of("alternate-exchange", a)));
    UnroutableError e =
        catchThrowableOfType(
            UnroutableError.class, () -> ch.basicPublish(a, "k", "back", o -> o.mandatory(true)));
    assertThat(e).isNotNull();
    String q = boundQueue(ch, b, "k");
    ch.basicPublish(a, "k", "via-b", o -> o.mandatory(true));
    assertThat(drain(ch, q)).containsExactly("via-b");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "the alternate is used only when the exchange itself matched nothing")
  void notUsedWhenRoutedToAnEmptyExchange(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String ae = declare(broker, ch, "fanout", null);
    String x = declare(broker, ch, "fanout", ae);
    String empty = declare(broker, ch, "fanout", null);
    ch.exchangeBind(empty, x, "");
    String aeQueue = boundQueue(ch, ae, "");
    UnroutableError e =
        catchThrowableOfType(
            UnroutableError.class, () -> ch.basicPublish(x, "", "back", o -> o.mandatory(true)));
    assertThat(e).isNotNull();
    assertThat(drain(ch, aeQueue)).isEmpty();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "an exchange reached by a binding uses its own alternate")
  void boundExchangeUsesItsOwnAlternate(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String ae = declare(broker, ch, "fanout", null);
    String inner = declare(broker, ch, "direct", ae);
    String x = declare(broker, ch, "fanout", null);
    ch.exchangeBind(inner, x, "");
    String aeQueue = boundQueue(ch, ae, "");
    ch.basicPublish(x, "k", "inner-ae", o -> o.mandatory(true));
    assertThat(drain(ch, aeQueue)).containsExactly("inner-ae");
  }

  @Test
  @SpecRule(section = "rabbitmq:ae", text = "an alternate-exchange that is not a string: 406")
  void nonStringAlternateIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String x = broker.exchange("bad-ae");
    Errors.channelError(
        ch,
        406,
        () -> ch.exchangeDeclare(x, "direct", o -> o.arguments(Map.of("alternate-exchange", 5))));
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ae",
      text = "redeclaring with a different alternate-exchange is inequivalent: 406")
  void inequivalentAlternateIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String x = declare(broker, ch, "direct", "ae-one");
    Errors.channelError(
        ch,
        406,
        () ->
            ch.exchangeDeclare(
                x, "direct", o -> o.arguments(Map.of("alternate-exchange", "ae-two"))));
  }
}
