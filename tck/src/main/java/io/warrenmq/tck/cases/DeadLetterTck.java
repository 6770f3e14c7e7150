package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.count;
import static io.warrenmq.tck.Messages.drain;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.GetResponse;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dead-lettering ({@code x-dead-letter-exchange}, {@code x-dead-letter-routing-key}) on reject,
 * nack, expiry and overflow, with the {@code x-death} and {@code x-first-death-*} headers. Tagged
 * queue-extensions: the in-process run excludes them until WarrenMQ's queue actor implements them
 * (see tck/pom.xml).
 */
@Tck
@Tag("queue-extensions")
class DeadLetterTck {

  /** A fanout dead-letter exchange with one queue bound; returns {exchange, queue}. */
  private static String[] deadLetters(TckBroker broker, BlockingChannel ch) {
    String dlx = broker.exchange("dlx");
    ch.exchangeDeclare(dlx, "fanout");
    String dlq = tempQueue(ch);
    ch.queueBind(dlq, dlx, "");
    return new String[] {dlx, dlq};
  }

  private static String source(
      TckBroker broker, BlockingChannel ch, String dlx, Map<String, Object> more) {
    Map<String, Object> args = new HashMap<>(more);
    args.put("x-dead-letter-exchange", dlx);
    String q = broker.queue("dl-source");
    ch.queueDeclare(q, o -> o.arguments(args));
    return q;
  }

  private static GetResponse awaitOne(BlockingChannel ch, String q) {
    Wait.until("a dead-lettered message in " + q, () -> count(ch, q) == 1);
    return ch.basicGet(q, o -> o.autoAck(true));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstDeath(GetResponse r) {
    List<Object> deaths = (List<Object>) r.properties().headers().get("x-death");
    assertThat(deaths).isNotEmpty();
    return (Map<String, Object>) deaths.get(0);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "reject requeue=false dead-letters with x-death and x-first-death-* headers")
  void rejectDeadLetters(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String[] dl = deadLetters(broker, ch);
    String q = source(broker, ch, dl[0], Map.of());
    ch.basicPublish("", q, "bad");
    GetResponse got = ch.basicGet(q);
    ch.basicReject(got.method().deliveryTag(), o -> o.requeue(false));
    GetResponse dead = awaitOne(ch, dl[1]);
    assertThat(dead.bodyAsString()).isEqualTo("bad");
    assertThat(dead.method().exchange()).isEqualTo(dl[0]);
    assertThat(dead.method().routingKey()).isEqualTo(q);
    Map<String, Object> death = firstDeath(dead);
    assertThat(death)
        .containsEntry("reason", "rejected")
        .containsEntry("queue", q)
        .containsEntry("exchange", "")
        .containsEntry("routing-keys", List.of(q))
        .containsKey("time");
    assertThat(((Number) death.get("count")).longValue()).isEqualTo(1);
    assertThat(dead.properties().headers())
        .containsEntry("x-first-death-reason", "rejected")
        .containsEntry("x-first-death-queue", q)
        .containsEntry("x-first-death-exchange", "");
  }

  @Test
  @SpecRule(section = "rabbitmq:dlx", text = "nack requeue=false dead-letters (reason rejected)")
  void nackDeadLetters(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String[] dl = deadLetters(broker, ch);
    String q = source(broker, ch, dl[0], Map.of());
    ch.basicPublish("", q, "m");
    GetResponse got = ch.basicGet(q);
    ch.basicNack(got.method().deliveryTag(), o -> o.requeue(false));
    assertThat(firstDeath(awaitOne(ch, dl[1]))).containsEntry("reason", "rejected");
  }

  @Test
  @SpecRule(section = "rabbitmq:dlx", text = "requeue=true does not dead-letter")
  void requeueDoesNotDeadLetter(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String[] dl = deadLetters(broker, ch);
    String q = source(broker, ch, dl[0], Map.of());
    ch.basicPublish("", q, "m");
    ch.basicReject(ch.basicGet(q).method().deliveryTag(), o -> o.requeue(true));
    assertThat(drain(ch, q)).containsExactly("m");
    assertThat(drain(ch, dl[1])).isEmpty();
  }

  @Test
  @SpecRule(section = "rabbitmq:dlx", text = "an expired message dead-letters (reason expired)")
  void expiryDeadLetters(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String[] dl = deadLetters(broker, ch);
    String q = source(broker, ch, dl[0], Map.of("x-message-ttl", 20));
    ch.basicPublish("", q, "old");
    GetResponse dead = awaitOne(ch, dl[1]);
    assertThat(firstDeath(dead)).containsEntry("reason", "expired");
    assertThat(dead.properties().headers()).containsEntry("x-first-death-reason", "expired");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "per-message expiration is dropped and recorded as original-expiration")
  void expirationPropertyMovesToXDeath(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String[] dl = deadLetters(broker, ch);
    String q = source(broker, ch, dl[0], Map.of());
    ch.basicPublish("", q, "m", MessageTtlTck.expiring("20"));
    GetResponse dead = awaitOne(ch, dl[1]);
    assertThat(dead.properties().expiration()).isNull();
    assertThat(firstDeath(dead)).containsEntry("original-expiration", "20");
  }

  @Test
  @SpecRule(section = "rabbitmq:dlx", text = "x-dead-letter-routing-key replaces the routing key")
  void deadLetterRoutingKey(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String dlx = broker.exchange("dlx-direct");
    ch.exchangeDeclare(dlx, "direct");
    String dlq = tempQueue(ch);
    ch.queueBind(dlq, dlx, "dead");
    String q = source(broker, ch, dlx, Map.of("x-dead-letter-routing-key", "dead"));
    ch.basicPublish("", q, "m");
    ch.basicReject(ch.basicGet(q).method().deliveryTag(), o -> o.requeue(false));
    GetResponse dead = awaitOne(ch, dlq);
    assertThat(dead.method().routingKey()).isEqualTo("dead");
    assertThat(firstDeath(dead)).containsEntry("routing-keys", List.of(q));
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "dead-lettered twice through the same queue: x-death count 2")
  void deathCountIncrements(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String back = tempQueue(ch);
    Map<String, Object> args =
        Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", back);
    String q = broker.queue("dl-twice");
    ch.queueDeclare(q, o -> o.arguments(args));
    ch.basicPublish("", q, "m");
    ch.basicReject(ch.basicGet(q).method().deliveryTag(), o -> o.requeue(false));
    GetResponse once = awaitOne(ch, back);
    ch.basicPublish("", q, "m", once.properties());
    ch.basicReject(ch.basicGet(q).method().deliveryTag(), o -> o.requeue(false));
    GetResponse twice = awaitOne(ch, back);
    Map<String, Object> death = firstDeath(twice);
    assertThat(death).containsEntry("queue", q).containsEntry("reason", "rejected");
    assertThat(((Number) death.get("count")).longValue()).isEqualTo(2);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "an automatic dead-letter cycle (expiry to expiry) is detected and dropped")
  void expiryCycleIsDropped(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String a = broker.queue("dl-cycle-a");
    String b = broker.queue("dl-cycle-b");
    ch.queueDeclare(
        a,
        o ->
            o.arguments(
                Map.of(
                    "x-message-ttl",
                    20,
                    "x-dead-letter-exchange",
                    "",
                    "x-dead-letter-routing-key",
                    b)));
    ch.queueDeclare(
        b,
        o ->
            o.arguments(
                Map.of(
                    "x-message-ttl",
                    20,
                    "x-dead-letter-exchange",
                    "",
                    "x-dead-letter-routing-key",
                    a)));
    ch.basicPublish("", a, "round");
    Wait.until("the cycle to drop the message", () -> count(ch, a) + count(ch, b) == 0);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "drop-head overflow dead-letters the dropped head (reason maxlen)")
  void overflowDeadLetters(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String[] dl = deadLetters(broker, ch);
    String q = source(broker, ch, dl[0], Map.of("x-max-length", 1));
    ch.basicPublish("", q, "first");
    ch.basicPublish("", q, "second");
    GetResponse dead = awaitOne(ch, dl[1]);
    assertThat(dead.bodyAsString()).isEqualTo("first");
    assertThat(firstDeath(dead)).containsEntry("reason", "maxlen");
    assertThat(drain(ch, q)).containsExactly("second");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "a persistent message expiring on a durable queue is dead-lettered persistent")
  void persistentExpiryOnDurableQueues(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String dlq = broker.queue("dl-durable-target");
    ch.queueDeclare(dlq, o -> o.durable(true));
    String q = broker.queue("dl-durable-source");
    ch.queueDeclare(
        q,
        o ->
            o.durable(true)
                .arguments(
                    Map.of(
                        "x-message-ttl",
                        20,
                        "x-dead-letter-exchange",
                        "",
                        "x-dead-letter-routing-key",
                        dlq)));
    ch.basicPublish("", q, "kept", BasicProperties.builder().deliveryMode(2).build());
    GetResponse dead = awaitOne(ch, dlq);
    assertThat(dead.bodyAsString()).isEqualTo("kept");
    assertThat(dead.properties().deliveryMode()).isEqualTo(2);
    assertThat(firstDeath(dead)).containsEntry("reason", "expired").containsEntry("queue", q);
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "a dead-letter exchange that does not exist: the message is dropped")
  void missingDeadLetterExchangeDrops(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String q = source(broker, ch, broker.exchange("never-declared"), Map.of());
    ch.basicPublish("", q, "m");
    ch.basicReject(ch.basicGet(q).method().deliveryTag(), o -> o.requeue(false));
    assertThat(drain(ch, q)).isEmpty();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:dlx",
      text = "x-dead-letter-routing-key without x-dead-letter-exchange: 406")
  void routingKeyWithoutExchangeIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(
        ch,
        406,
        () ->
            ch.queueDeclare(
                broker.queue("dl-key-only"),
                o -> o.arguments(Map.of("x-dead-letter-routing-key", "k"))));
  }
}
