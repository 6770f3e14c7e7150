package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.drain;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exchanges and routing: default, direct, fanout, topic, headers, exchange-to-exchange. Publishes
 * go through a confirm-mode channel, so a publish has been routed before the checks read queues.
 */
@Tck
@Tag("exchanges")
class ExchangeRoutingTck {

  private static BlockingChannel confirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    return ch;
  }

  @Test
  @SpecRule(section = "3.1.3.1", text = "the default exchange routes to the queue named by the key")
  void defaultExchangeRoutesByQueueName(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String q = tempQueue(ch);
    ch.basicPublish("", q, "hello");
    assertThat(drain(ch, q)).containsExactly("hello");
  }

  @Test
  @SpecRule(section = "3.1.3.1", text = "a key naming no queue drops the message, no error")
  void defaultExchangeDropsUnknownKey(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    ch.basicPublish("", TckBroker.unique("nobody"), "lost");
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "3.1.3.2", text = "direct routes on exact key equality")
  void directRoutesOnExactKey(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = broker.exchange("direct");
    ch.exchangeDeclare(x, "direct");
    String info = tempQueue(ch);
    String error = tempQueue(ch);
    ch.queueBind(info, x, "info");
    ch.queueBind(error, x, "error");
    ch.basicPublish(x, "info", "i");
    ch.basicPublish(x, "error", "e");
    ch.basicPublish(x, "warning", "w");
    assertThat(drain(ch, info)).containsExactly("i");
    assertThat(drain(ch, error)).containsExactly("e");
  }

  @Test
  @SpecRule(section = "3.1.3.2", text = "direct: several queues bound with one key all receive")
  void directMultipleBindingsSameKey(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = broker.exchange("direct");
    ch.exchangeDeclare(x, "direct");
    String a = tempQueue(ch);
    String b = tempQueue(ch);
    ch.queueBind(a, x, "black");
    ch.queueBind(b, x, "black");
    ch.basicPublish(x, "black", "m");
    assertThat(drain(ch, a)).containsExactly("m");
    assertThat(drain(ch, b)).containsExactly("m");
  }

  @Test
  @SpecRule(section = "3.1.3.2", text = "one queue bound with two keys receives each once")
  void directOneQueueTwoKeys(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = broker.exchange("direct");
    ch.exchangeDeclare(x, "direct");
    String q = tempQueue(ch);
    ch.queueBind(q, x, "orange");
    ch.queueBind(q, x, "green");
    ch.basicPublish(x, "orange", "o");
    ch.basicPublish(x, "green", "g");
    assertThat(drain(ch, q)).containsExactly("o", "g");
  }

  @Test
  @SpecRule(section = "3.1.3.3", text = "fanout copies to every bound queue, ignoring the key")
  void fanoutCopiesToAll(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = broker.exchange("logs");
    ch.exchangeDeclare(x, "fanout");
    String a = tempQueue(ch);
    String b = tempQueue(ch);
    ch.queueBind(a, x);
    ch.queueBind(b, x, "ignored");
    ch.basicPublish(x, "whatever", "log");
    assertThat(drain(ch, a)).containsExactly("log");
    assertThat(drain(ch, b)).containsExactly("log");
  }

  @Test
  @SpecRule(section = "3.1.3.3", text = "a queue bound twice to one exchange gets one copy")
  void duplicateBindingsDeliverOnce(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = broker.exchange("topic");
    ch.exchangeDeclare(x, "topic");
    String q = tempQueue(ch);
    ch.queueBind(q, x, "a.*");
    ch.queueBind(q, x, "*.b");
    ch.basicPublish(x, "a.b", "once");
    assertThat(drain(ch, q)).containsExactly("once");
  }

  @Test
  @SpecRule(section = "3.1.3.4", text = "topic '#' alone matches every key, even the empty one")
  void topicHashAloneMatchesEverything(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = topic(ch, broker);
    String q = bound(ch, x, "#");
    for (String key : new String[] {"", "a", "a.b", "a.b.c.d", ".", "x..y"}) {
      ch.basicPublish(x, key, "[" + key + "]");
    }
    assertThat(drain(ch, q)).containsExactly("[]", "[a]", "[a.b]", "[a.b.c.d]", "[.]", "[x..y]");
  }

  @Test
  @SpecRule(section = "3.1.3.4", text = "'*.a.#': one word, then a, then zero or more words")
  void topicStarThenHash(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = topic(ch, broker);
    String q = bound(ch, x, "*.a.#");
    for (String key : new String[] {"x.a", "x.a.b", "x.a.b.c", "a", "a.x", "x.y.a", "x.b.a.c"}) {
      ch.basicPublish(x, key, key);
    }
    assertThat(drain(ch, q)).containsExactly("x.a", "x.a.b", "x.a.b.c");
  }

  @Test
  @SpecRule(section = "3.1.3.4", text = "'*' matches exactly one word")
  void topicStarIsOneWord(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = topic(ch, broker);
    String q = bound(ch, x, "quick.*.rabbit");
    for (String key :
        new String[] {"quick.orange.rabbit", "quick.rabbit", "quick.a.b.rabbit", "lazy.x.rabbit"}) {
      ch.basicPublish(x, key, key);
    }
    assertThat(drain(ch, q)).containsExactly("quick.orange.rabbit");
  }

  @Test
  @SpecRule(section = "3.1.3.4", text = "'#' matches zero words at either end")
  void topicHashMatchesZeroWords(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = topic(ch, broker);
    String tail = bound(ch, x, "lazy.#");
    String head = bound(ch, x, "#.lazy");
    ch.basicPublish(x, "lazy", "lazy");
    ch.basicPublish(x, "lazy.a.b", "lazy.a.b");
    ch.basicPublish(x, "a.lazy", "a.lazy");
    assertThat(drain(ch, tail)).containsExactly("lazy", "lazy.a.b");
    assertThat(drain(ch, head)).containsExactly("lazy", "a.lazy");
  }

  @Test
  @SpecRule(section = "3.1.3.4", text = "empty words count as words ('a..b' has three)")
  void topicEmptyWords(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = topic(ch, broker);
    String middle = bound(ch, x, "a.*.b");
    String one = bound(ch, x, "*");
    String trailing = bound(ch, x, "a.*");
    ch.basicPublish(x, "a..b", "a..b");
    ch.basicPublish(x, "", "empty");
    ch.basicPublish(x, "a.", "a.");
    assertThat(drain(ch, middle)).containsExactly("a..b");
    assertThat(drain(ch, one)).isEmpty();
    assertThat(drain(ch, trailing)).containsExactly("a.");
  }

  @Test
  @SpecRule(section = "3.1.3.4", text = "keys with many words route by the same rules")
  void topicManyWords(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = topic(ch, broker);
    StringBuilder key = new StringBuilder("w0");
    for (int i = 1; i < 60; i++) {
      key.append(".w").append(i);
    }
    String first = bound(ch, x, "w0.#");
    String last = bound(ch, x, "#.w59");
    String second = bound(ch, x, "*.w1.#.w58.*");
    String wrong = bound(ch, x, "*.w2.#");
    ch.basicPublish(x, key.toString(), "long");
    assertThat(drain(ch, first)).containsExactly("long");
    assertThat(drain(ch, last)).containsExactly("long");
    assertThat(drain(ch, second)).containsExactly("long");
    assertThat(drain(ch, wrong)).isEmpty();
  }

  @Test
  @SpecRule(section = "3.1.3.5", text = "headers x-match=all needs every bound header to match")
  void headersMatchAll(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = headers(ch, broker);
    String q = tempQueue(ch);
    ch.queueBind(
        q, x, "", o -> o.arguments(Map.of("x-match", "all", "format", "pdf", "type", "report")));
    publishWithHeaders(ch, x, "both", Map.of("format", "pdf", "type", "report"));
    publishWithHeaders(ch, x, "extra", Map.of("format", "pdf", "type", "report", "size", 3));
    publishWithHeaders(ch, x, "one", Map.of("format", "pdf"));
    publishWithHeaders(ch, x, "wrong", Map.of("format", "pdf", "type", "log"));
    assertThat(drain(ch, q)).containsExactly("both", "extra");
  }

  @Test
  @SpecRule(section = "3.1.3.5", text = "headers x-match=any needs one bound header to match")
  void headersMatchAny(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = headers(ch, broker);
    String q = tempQueue(ch);
    ch.queueBind(
        q, x, "", o -> o.arguments(Map.of("x-match", "any", "format", "pdf", "type", "report")));
    publishWithHeaders(ch, x, "one", Map.of("format", "pdf"));
    publishWithHeaders(ch, x, "other", Map.of("type", "report", "format", "zip"));
    publishWithHeaders(ch, x, "none", Map.of("format", "zip"));
    publishWithHeaders(ch, x, "empty", Map.of());
    assertThat(drain(ch, q)).containsExactly("one", "other");
  }

  @Test
  @SpecRule(section = "3.1.3.5", text = "without x-match a headers binding means all")
  void headersDefaultIsAll(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = headers(ch, broker);
    String q = tempQueue(ch);
    ch.queueBind(q, x, "", o -> o.arguments(Map.of("a", 1, "b", 2)));
    publishWithHeaders(ch, x, "both", Map.of("a", 1, "b", 2));
    publishWithHeaders(ch, x, "one", Map.of("a", 1));
    assertThat(drain(ch, q)).containsExactly("both");
  }

  @Test
  @SpecRule(section = "3.1.3.5", text = "headers exchanges ignore the routing key")
  void headersIgnoreRoutingKey(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = headers(ch, broker);
    String q = tempQueue(ch);
    ch.queueBind(q, x, "some-key", o -> o.arguments(Map.of("x-match", "all", "k", "v")));
    publishWithHeaders(ch, x, "m", Map.of("k", "v"));
    assertThat(drain(ch, q)).containsExactly("m");
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "exchange-to-exchange bindings route through")
  void exchangeToExchangeBinding(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String source = broker.exchange("e2e-src");
    String destination = broker.exchange("e2e-dst");
    ch.exchangeDeclare(source, "direct");
    ch.exchangeDeclare(destination, "fanout");
    ch.exchangeBind(destination, source, "k");
    String q = bound(ch, destination, "");
    ch.basicPublish(source, "k", "through");
    ch.basicPublish(source, "other", "not");
    assertThat(drain(ch, q)).containsExactly("through");
  }

  @Test
  @SpecRule(section = "1.7.2.5", text = "queue.unbind stops routing along that binding")
  void unbindStopsRouting(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = broker.exchange("direct");
    ch.exchangeDeclare(x, "direct");
    String q = bound(ch, x, "k");
    ch.queueUnbind(q, x, "k");
    ch.basicPublish(x, "k", "gone");
    assertThat(drain(ch, q)).isEmpty();
  }

  @Test
  @SpecRule(section = "3.1.3", text = "the amq.* exchanges exist with their standard types")
  void standardExchangesExist(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String[][] standard = {
      {"amq.direct", "direct"},
      {"amq.fanout", "fanout"},
      {"amq.topic", "topic"},
      {"amq.headers", "headers"},
      {"amq.match", "headers"}
    };
    for (String[] e : standard) {
      ch.exchangeDeclare(e[0], e[1], o -> o.passive(true));
    }
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "1.6.2.1", text = "redeclaring an exchange with the same settings is a no-op")
  void exchangeRedeclareIsIdempotent(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String x = broker.exchange("redeclare");
    ch.exchangeDeclare(x, "topic", o -> o.durable(false));
    ch.exchangeDeclare(x, "topic", o -> o.durable(false));
    ch.exchangeDeclare(x, "topic", o -> o.passive(true));
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "1.6.2.3", text = "a deleted exchange is gone: passive declare gives 404")
  void exchangeDeleteRemovesIt(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String x = broker.exchange("deleted");
    ch.exchangeDeclare(x, "fanout");
    ch.exchangeDelete(x);
    Errors.channelError(ch, 404, () -> ch.exchangeDeclare(x, "fanout", o -> o.passive(true)));
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "an auto-delete exchange goes when its last binding goes")
  void autoDeleteExchangeGoesWithLastBinding(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String x = broker.exchange("auto");
    ch.exchangeDeclare(x, "fanout", o -> o.autoDelete(true));
    String q = bound(ch, x, "");
    ch.queueUnbind(q, x, "");
    Errors.channelError(ch, 404, () -> ch.exchangeDeclare(x, "fanout", o -> o.passive(true)));
  }

  private static String topic(BlockingChannel ch, TckBroker broker) {
    String x = broker.exchange("topic");
    ch.exchangeDeclare(x, "topic");
    return x;
  }

  private static String headers(BlockingChannel ch, TckBroker broker) {
    String x = broker.exchange("headers");
    ch.exchangeDeclare(x, "headers");
    return x;
  }

  private static String bound(BlockingChannel ch, String exchange, String key) {
    String q = tempQueue(ch);
    ch.queueBind(q, exchange, key);
    return q;
  }

  private static void publishWithHeaders(
      BlockingChannel ch, String exchange, String body, Map<String, Object> headers) {
    ch.basicPublish(
        exchange,
        "",
        body,
        io.warrenmq.model.generated.BasicProperties.builder().headers(headers).build());
  }
}
