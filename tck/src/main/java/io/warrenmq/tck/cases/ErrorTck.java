package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Errors.asyncChannelError;
import static io.warrenmq.tck.Errors.channelError;
import static io.warrenmq.tck.Errors.connectionError;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.RawConnection;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Error semantics: each case checks the reply code and whether the broker closed the channel (soft
 * errors 403-406) or the whole connection (hard errors 501-541, 530).
 */
@Tck
@Tag("errors")
class ErrorTck {

  private static String missing() {
    return TckBroker.unique("missing");
  }

  @Test
  @SpecRule(section = "1.8.3.7", text = "publish to a missing exchange: channel 404")
  void publishToMissingExchange(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    asyncChannelError(ch, 404, () -> ch.basicPublish(missing(), "k", "m"));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "passive declare of a missing queue: channel 404")
  void passiveDeclareMissingQueue(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(ch, 404, () -> ch.queueDeclare(missing(), o -> o.passive(true)));
  }

  @Test
  @SpecRule(section = "1.6.2.1", text = "passive declare of a missing exchange: channel 404")
  void passiveDeclareMissingExchange(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(ch, 404, () -> ch.exchangeDeclare(missing(), "direct", o -> o.passive(true)));
  }

  @Test
  @SpecRule(section = "1.7.2.3", text = "binding to a missing exchange: channel 404")
  void bindToMissingExchange(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = tempQueue(ch);
    channelError(ch, 404, () -> ch.queueBind(q, missing(), "k"));
  }

  @Test
  @SpecRule(section = "1.7.2.3", text = "binding a missing queue: channel 404")
  void bindMissingQueue(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(ch, 404, () -> ch.queueBind(missing(), "amq.direct", "k"));
  }

  @Test
  @SpecRule(section = "1.8.3.3", text = "consuming from a missing queue: channel 404")
  void consumeMissingQueue(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(ch, 404, () -> ch.basicConsume(missing(), (c, m, p, b) -> {}));
  }

  @Test
  @SpecRule(section = "1.8.3.10", text = "basic.get on a missing queue: channel 404")
  void getMissingQueue(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(ch, 404, () -> ch.basicGet(missing()));
  }

  @Test
  @SpecRule(section = "1.6.2.1", text = "declaring an exchange named amq.*: channel 403")
  void reservedExchangeName(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(
        ch,
        403,
        () -> ch.exchangeDeclare(TckBroker.unique("x").replace("tck.", "amq.tck."), "direct"));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "declaring a queue named amq.*: channel 403")
  void reservedQueueName(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(ch, 403, () -> ch.queueDeclare("amq.tck-" + System.nanoTime()));
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "deleting a system exchange (amq.*): channel 403")
  void deleteSystemExchange(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    channelError(ch, 403, () -> ch.exchangeDelete("amq.direct"));
  }

  @Test
  @SpecRule(section = "3.1.3.1", text = "binding to the default exchange: channel 403")
  void bindToDefaultExchange(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = tempQueue(ch);
    channelError(ch, 403, () -> ch.queueBind(q, "", "k"));
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "publishing to an internal exchange: channel 403")
  void publishToInternalExchange(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String x = broker.exchange("internal");
    ch.exchangeDeclare(x, "fanout", o -> o.internal(true));
    asyncChannelError(ch, 403, () -> ch.basicPublish(x, "", "m"));
  }

  @Test
  @SpecRule(section = "1.8.3.3", text = "consuming where an exclusive consumer exists: channel 403")
  void exclusiveConsumerConflict(TckBroker broker) {
    BlockingChannel owner = broker.channel();
    String q = broker.queue("exclusive-consumer");
    owner.queueDeclare(q);
    owner.basicConsume(q, (c, m, p, b) -> {}, o -> o.exclusive(true));
    BlockingChannel other = broker.channel();
    channelError(other, 403, () -> other.basicConsume(q, (c, m, p, b) -> {}));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "another connection's exclusive queue: channel 405")
  void exclusiveQueueOfOtherConnection(TckBroker broker) {
    String q = broker.channel().queueDeclare("", o -> o.exclusive(true)).method().queue();
    BlockingChannel other = broker.channel();
    channelError(other, 405, () -> other.basicConsume(q, (c, m, p, b) -> {}));
  }

  @Test
  @SpecRule(
      section = "1.7.2.1",
      text = "redeclaring an exclusive queue from elsewhere: channel 405")
  void redeclareOtherConnectionsExclusiveQueue(TckBroker broker) {
    String q = broker.queue("exclusive");
    broker.channel().queueDeclare(q, o -> o.exclusive(true));
    BlockingChannel other = broker.channel();
    channelError(other, 405, () -> other.queueDeclare(q, o -> o.exclusive(true)));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "redeclaring a queue with other flags: channel 406")
  void queueRedeclareInequivalent(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("inequivalent");
    ch.queueDeclare(q, o -> o.durable(false));
    channelError(ch, 406, () -> ch.queueDeclare(q, o -> o.durable(true)));
  }

  @Test
  @SpecRule(section = "1.6.2.1", text = "redeclaring an exchange with another type: channel 406")
  void exchangeRedeclareOtherType(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String x = broker.exchange("typed");
    ch.exchangeDeclare(x, "direct");
    channelError(ch, 406, () -> ch.exchangeDeclare(x, "fanout"));
  }

  @Test
  @SpecRule(section = "1.8.3.13", text = "acking an unknown delivery tag: channel 406")
  void ackUnknownTag(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    asyncChannelError(ch, 406, () -> ch.basicAck(999));
  }

  @Test
  @SpecRule(section = "1.8.3.13", text = "acking the same delivery twice: channel 406")
  void doubleAck(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = tempQueue(ch);
    ch.basicPublish("", q, "once");
    long tag = ch.basicGet(q).method().deliveryTag();
    ch.basicAck(tag);
    asyncChannelError(ch, 406, () -> ch.basicAck(tag));
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "nacking an unknown delivery tag: channel 406")
  void nackUnknownTag(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    asyncChannelError(ch, 406, () -> ch.basicNack(77));
  }

  @Test
  @SpecRule(section = "1.8.3.14", text = "rejecting an unknown delivery tag: channel 406")
  void rejectUnknownTag(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    asyncChannelError(ch, 406, () -> ch.basicReject(55));
  }

  @Test
  @SpecRule(section = "1.7.2.9", text = "delete if-empty of a queue with messages: channel 406")
  void deleteIfEmptyWithMessages(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("not-empty");
    ch.queueDeclare(q);
    ch.basicPublish("", q, "m");
    ch.queueDeclare(q, o -> o.passive(true));
    channelError(ch, 406, () -> ch.queueDelete(q, o -> o.ifEmpty(true)));
  }

  @Test
  @SpecRule(section = "1.7.2.9", text = "delete if-unused of a queue with consumers: channel 406")
  void deleteIfUnusedWithConsumer(TckBroker broker) {
    BlockingChannel consumer = broker.channel();
    String q = broker.queue("in-use");
    consumer.queueDeclare(q);
    consumer.basicConsume(q, (c, m, p, b) -> {});
    BlockingChannel ch = broker.channel();
    channelError(ch, 406, () -> ch.queueDelete(q, o -> o.ifUnused(true)));
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "user_id other than the connection's user: channel 406")
  void userIdMismatch(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = tempQueue(ch);
    BasicProperties props = BasicProperties.builder().userId("someone-else").build();
    asyncChannelError(ch, 406, () -> ch.basicPublish("", q, "m", props));
  }

  @Test
  @SpecRule(section = "1.6.2.1", text = "an unknown exchange type: connection 503")
  void unknownExchangeType(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    connectionError(ch, 503, () -> ch.exchangeDeclare(broker.exchange("odd"), "no-such-type"));
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "basic.qos with prefetch_size: connection 540")
  void prefetchSizeNotImplemented(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    connectionError(ch, 540, () -> ch.basicQos(o -> o.prefetchSize(1000).prefetchCount(1)));
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "publish with immediate=true: connection 540")
  void immediateNotImplemented(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Basic.Publish("", "q", false, true));
    raw.sendHeader(1, 1, BasicProperties.EMPTY).sendFrame(3, 1, new byte[] {1});
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(540);
  }

  @Test
  @SpecRule(section = "1.8.3.3", text = "reusing a consumer tag on one channel: connection 530")
  void duplicateConsumerTag(TckBroker broker) {
    String q = broker.queue("dup-tag");
    broker.channel().queueDeclare(q);
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Basic.Consume(q, "same", false, true, false, false, Map.of()));
    raw.expect(1, Basic.ConsumeOk.class);
    raw.send(1, new Basic.Consume(q, "same", false, true, false, false, Map.of()));
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(530);
  }

  @Test
  @SpecRule(section = "4.2.6", text = "a body frame without method and header: connection 505")
  void bodyWithoutHeader(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.sendFrame(3, 1, new byte[] {1, 2, 3});
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(505);
  }

  @Test
  @SpecRule(section = "4.2.6", text = "a method where a content header is due: connection 505")
  void methodInsteadOfHeader(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Basic.Publish("", "q", false, false));
    raw.send(1, new Basic.Qos(0, 1, false));
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(505);
  }

  @Test
  @SpecRule(section = "4.2.3", text = "a frame with a bad frame-end octet: connection 501")
  void badFrameEnd(TckBroker broker) {
    RawConnection raw = broker.raw();
    raw.sendFrame(1, 0, new byte[] {0, 10, 0, 50, 0, 0, 0, 0, 0, 0, 0}, 0x00);
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(501);
  }

  @Test
  @SpecRule(section = "1.8.3.7", text = "a channel error leaves the connection usable")
  void connectionSurvivesChannelError(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    channelError(ch, 404, () -> ch.queueDeclare(missing(), o -> o.passive(true)));
    BlockingChannel next = connection.channel();
    assertThat(tempQueue(next)).startsWith("amq.gen-");
  }
}
