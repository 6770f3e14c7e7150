package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.count;
import static io.warrenmq.tck.Messages.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.UnroutableError;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.Errors;
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
 * Message TTL (queue {@code x-message-ttl}, per-message {@code expiration}) and queue expiry
 * ({@code x-expires}). Tagged queue-extensions: the in-process run excludes them until WarrenMQ's
 * queue actor implements them (see tck/pom.xml).
 */
@Tck
@Tag("queue-extensions")
class MessageTtlTck {

  static BlockingChannel confirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    return ch;
  }

  static String declare(TckBroker broker, BlockingChannel ch, Map<String, Object> args) {
    String q = broker.queue("ext");
    ch.queueDeclare(q, o -> o.arguments(args));
    return q;
  }

  static BasicProperties expiring(String expiration) {
    return BasicProperties.builder().expiration(expiration).build();
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "x-message-ttl: expired messages are never delivered")
  void queueTtlExpires(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String q = declare(broker, ch, Map.of("x-message-ttl", 30));
    ch.basicPublish("", q, "short-lived");
    Wait.until("the message to expire", () -> count(ch, q) == 0);
    assertThat(drain(ch, q)).isEmpty();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:ttl",
      text = "x-message-ttl=0: dropped unless a consumer can take it at once")
  void ttlZero(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    ch.confirmDelivery();
    String q = declare(broker, ch, Map.of("x-message-ttl", 0));
    ch.basicPublish("", q, "nobody-there");
    assertThat(drain(ch, q)).isEmpty();
    List<String> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(new String(b)), o -> o.autoAck(true));
    ch.basicPublish("", q, "taken");
    Wait.dispatching(connection, "the delivery", () -> got.size() == 1);
    assertThat(got).containsExactly("taken");
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "per-message expiration removes the message")
  void perMessageExpiration(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String q = declare(broker, ch, Map.of());
    ch.basicPublish("", q, "short", expiring("30"));
    ch.basicPublish("", q, "long", expiring("600000"));
    Wait.until("the first message to expire", () -> count(ch, q) == 1);
    assertThat(drain(ch, q)).containsExactly("long");
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "queue TTL and message expiration: the lower wins")
  void lowerTtlWins(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String queueShort = declare(broker, ch, Map.of("x-message-ttl", 30));
    ch.basicPublish("", queueShort, "m", expiring("600000"));
    String messageShort = declare(broker, ch, Map.of("x-message-ttl", 600000));
    ch.basicPublish("", messageShort, "m", expiring("30"));
    Wait.until(
        "both messages to expire", () -> count(ch, queueShort) + count(ch, messageShort) == 0);
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "an expiration that is not an integer: 406")
  void invalidExpirationIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = declare(broker, ch, Map.of());
    Errors.asyncChannelError(ch, 406, () -> ch.basicPublish("", q, "m", expiring("soon")));
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "a negative expiration: 406")
  void negativeExpirationIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = declare(broker, ch, Map.of());
    Errors.asyncChannelError(ch, 406, () -> ch.basicPublish("", q, "m", expiring("-5")));
  }

  /**
   * True once {@code q} is gone. A mandatory publish tells without using the queue: a passive
   * declare would count as use and renew the x-expires lease (RabbitMQ).
   */
  private static boolean isGone(BlockingChannel confirmed, String q) {
    try {
      confirmed.basicPublish("", q, "probe", o -> o.mandatory(true));
      return false;
    } catch (UnroutableError e) {
      return true;
    }
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "x-expires deletes a queue left unused")
  void unusedQueueExpires(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String q = declare(broker, ch, Map.of("x-expires", 50));
    Wait.until("the queue to expire", () -> isGone(ch, q));
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "x-expires does not delete a queue with a consumer")
  void queueWithConsumerDoesNotExpire(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String q = declare(broker, ch, Map.of("x-expires", 50));
    ch.basicConsume(q, (c, m, p, b) -> {});
    String unused = declare(broker, ch, Map.of("x-expires", 50));
    Wait.until("an unused queue to expire meanwhile", () -> isGone(ch, unused));
    assertThat(isGone(ch, q)).isFalse();
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "x-message-ttl that is not an integer: 406")
  void nonIntegerQueueTtlIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(ch, 406, () -> declare(broker, ch, Map.of("x-message-ttl", "soon")));
  }

  @Test
  @SpecRule(section = "rabbitmq:ttl", text = "x-expires of 0: 406")
  void zeroExpiresIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(ch, 406, () -> declare(broker, ch, Map.of("x-expires", 0)));
  }
}
