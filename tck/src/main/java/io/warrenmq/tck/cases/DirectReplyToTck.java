package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.Delivery;
import io.warrenmq.client.GetResponse;
import io.warrenmq.client.QueueDeclareResult;
import io.warrenmq.client.UnroutableError;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Direct reply-to (RabbitMQ's {@code amq.rabbitmq.reply-to} pseudo-queue): RPC replies that go
 * straight back to the requesting channel, with no reply queue declared.
 */
@Tck
@Tag("direct-reply-to")
class DirectReplyToTck {
  private static final String REPLY_TO = "amq.rabbitmq.reply-to";

  /** A requester channel consuming from the pseudo-queue; deliveries land in {@code into}. */
  private static String consumeReplies(BlockingChannel ch, List<Delivery> into) {
    return ch.basicConsume(
        REPLY_TO, (c, m, p, b) -> into.add(new Delivery(m, p, b)), o -> o.autoAck(true));
  }

  private static BasicProperties request(String correlationId) {
    return BasicProperties.builder().replyTo(REPLY_TO).correlationId(correlationId).build();
  }

  /** Publishes a request on {@code requester} and returns it as the server's basic.get sees it. */
  private static GetResponse sendRequest(
      BlockingChannel requester, BlockingChannel server, String queue, String id) {
    requester.basicPublish("", queue, "request", request(id));
    Errors.probe(requester);
    GetResponse r = server.basicGet(queue, o -> o.autoAck(true));
    assertThat(r).as("request reached the server queue").isNotNull();
    return r;
  }

  @Test
  @SpecRule(section = "rabbitmq:direct-reply-to", text = "passive declare of the pseudo-queue: ok")
  void pseudoQueueDeclaresPassively(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    QueueDeclareResult r = ch.queueDeclare(REPLY_TO, o -> o.passive(true));
    assertThat(r.method().queue()).isEqualTo(REPLY_TO);
    assertThat(r.messageCount()).isZero();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "the reply consumer must be no-ack: 406 PRECONDITION_FAILED")
  void consumeWithAcksIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(ch, 406, () -> ch.basicConsume(REPLY_TO, (c, m, p, b) -> {}));
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "a second reply consumer on one channel: 406 PRECONDITION_FAILED")
  void secondReplyConsumerIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    consumeReplies(ch, new CopyOnWriteArrayList<>());
    Errors.channelError(ch, 406, () -> consumeReplies(ch, new CopyOnWriteArrayList<>()));
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "reply_to=amq.rabbitmq.reply-to without consuming first: 406 PRECONDITION_FAILED")
  void publishWithoutReplyConsumerIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = tempQueue(ch);
    Errors.asyncChannelError(ch, 406, () -> ch.basicPublish("", q, "request", request("c")));
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "reply_to is rewritten; the reply comes straight back to the requesting consumer")
  void roundTrip(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel requester = connection.channel();
    List<Delivery> replies = new CopyOnWriteArrayList<>();
    String tag = consumeReplies(requester, replies);
    BlockingChannel server = broker.channel();
    String q = tempQueue(server);

    GetResponse req = sendRequest(requester, server, q, "id-1");
    String replyTo = req.properties().replyTo();
    assertThat(replyTo).startsWith(REPLY_TO + ".").isNotEqualTo(REPLY_TO + ".");
    assertThat(req.properties().correlationId()).isEqualTo("id-1");

    server.basicPublish(
        "", replyTo, "reply", BasicProperties.builder().correlationId("id-1").build());
    Wait.dispatching(connection, "the reply", () -> replies.size() == 1);
    Delivery reply = replies.get(0);
    assertThat(reply.bodyAsString()).isEqualTo("reply");
    assertThat(reply.properties().correlationId()).isEqualTo("id-1");
    assertThat(reply.method().consumerTag()).isEqualTo(tag);
    assertThat(reply.method().exchange()).isEmpty();
    assertThat(reply.method().routingKey()).isEqualTo(replyTo);
    assertThat(reply.method().redelivered()).isFalse();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "the reply name declares passively (one consumer) only while its consumer lives")
  void replyNameExistsWhileConsuming(TckBroker broker) {
    BlockingChannel requester = broker.channel();
    String tag = consumeReplies(requester, new CopyOnWriteArrayList<>());
    BlockingChannel server = broker.channel();
    String q = tempQueue(server);
    String replyTo = sendRequest(requester, server, q, "c").properties().replyTo();
    QueueDeclareResult r = server.queueDeclare(replyTo, o -> o.passive(true));
    assertThat(r.consumerCount()).isEqualTo(1);
    requester.basicCancel(tag);
    Errors.channelError(server, 404, () -> server.queueDeclare(replyTo, o -> o.passive(true)));
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "a reply to an unknown name is dropped (confirmed; returned when mandatory)")
  void replyToUnknownNameIsDropped(TckBroker broker) {
    BlockingChannel server = broker.channel();
    server.confirmDelivery();
    server.basicPublish("", REPLY_TO + ".no-such-token", "lost");
    UnroutableError e =
        catchThrowableOfType(
            UnroutableError.class,
            () ->
                server.basicPublish(
                    "", REPLY_TO + ".no-such-token", "back", o -> o.mandatory(true)));
    assertThat(e).isNotNull();
    assertThat(server.isOpen()).isTrue();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "a reply after the requester's channel closed is dropped, the replier is unharmed")
  void replyAfterRequesterClosedIsDropped(TckBroker broker) {
    BlockingChannel requester = broker.channel();
    consumeReplies(requester, new CopyOnWriteArrayList<>());
    BlockingChannel server = broker.channel();
    server.confirmDelivery();
    String q = tempQueue(server);
    String replyTo = sendRequest(requester, server, q, "c").properties().replyTo();
    requester.close();
    server.basicPublish("", replyTo, "too late");
    assertThat(server.isOpen()).isTrue();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "each requesting channel gets its own name and only its own replies")
  void repliesDoNotCrossChannels(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel first = connection.channel();
    BlockingChannel second = connection.channel();
    List<Delivery> toFirst = new CopyOnWriteArrayList<>();
    List<Delivery> toSecond = new CopyOnWriteArrayList<>();
    consumeReplies(first, toFirst);
    consumeReplies(second, toSecond);
    BlockingChannel server = broker.channel();
    String q = tempQueue(server);
    String firstName = sendRequest(first, server, q, "1").properties().replyTo();
    String secondName = sendRequest(second, server, q, "2").properties().replyTo();
    assertThat(firstName).isNotEqualTo(secondName);
    server.basicPublish("", secondName, "for-second");
    server.basicPublish("", firstName, "for-first");
    Wait.dispatching(connection, "both replies", () -> toFirst.size() == 1 && toSecond.size() == 1);
    assertThat(toFirst.get(0).bodyAsString()).isEqualTo("for-first");
    assertThat(toSecond.get(0).bodyAsString()).isEqualTo("for-second");
  }
}
