package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.count;
import static io.warrenmq.tck.Messages.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.GetResponse;
import io.warrenmq.client.QueueDeclareResult;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Queues: declare, server-named, durable, exclusive, auto-delete, purge, delete. */
@Tck
@Tag("queues")
class QueueTck {

  @Test
  @SpecRule(
      section = "1.7.2.1",
      text = "declare-ok echoes the name with zero counts for a new queue")
  void declareReturnsNameAndCounts(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("new");
    QueueDeclareResult r = ch.queueDeclare(q);
    assertThat(r.method().queue()).isEqualTo(q);
    assertThat(r.messageCount()).isZero();
    assertThat(r.consumerCount()).isZero();
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "an empty name makes the broker choose one (amq.gen-)")
  void serverNamedQueue(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String name = ch.queueDeclare("", o -> o.exclusive(true)).method().queue();
    assertThat(name).startsWith("amq.gen-");
    ch.basicPublish("", name, "x");
    assertThat(drain(ch, name)).containsExactly("x");
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "declare-ok reports ready messages and consumers")
  void declareOkCountsMessagesAndConsumers(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery(); // declare-ok counts lag unconfirmed publishes on RabbitMQ
    String q = broker.queue("counts");
    ch.queueDeclare(q);
    ch.basicPublish("", q, "1");
    ch.basicPublish("", q, "2");
    assertThat(ch.queueDeclare(q, o -> o.passive(true)).messageCount()).isEqualTo(2);
    BlockingChannel consumer = broker.channel();
    consumer.basicQos(1);
    consumer.basicConsume(q, (c, m, p, b) -> {});
    QueueDeclareResult r = ch.queueDeclare(q, o -> o.passive(true));
    assertThat(r.consumerCount()).isEqualTo(1);
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "durable queue keeps persistent messages (delivery_mode 2)")
  void durableQueueWithPersistentMessage(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("task_queue");
    ch.queueDeclare(q, o -> o.durable(true));
    ch.basicPublish("", q, "task", BasicProperties.builder().deliveryMode(2).build());
    ch.queueDeclare(q, o -> o.durable(true)); // equivalent redeclare is fine
    GetResponse r = ch.basicGet(q, o -> o.autoAck(true));
    assertThat(r.bodyAsString()).isEqualTo("task");
    assertThat(r.properties().deliveryMode()).isEqualTo(2);
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "an exclusive server-named queue goes with its connection")
  void exclusiveQueueRemovedOnClose(TckBroker broker) {
    BlockingConnection owner = broker.connect();
    String q = owner.channel().queueDeclare("", o -> o.exclusive(true)).method().queue();
    owner.close();
    BlockingChannel other = broker.channel();
    Errors.channelError(other, 404, () -> other.queueDeclare(q, o -> o.passive(true)));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "an exclusive queue is usable on all channels of its owner")
  void exclusiveQueueSharedByOwnerChannels(TckBroker broker) {
    BlockingConnection owner = broker.connect();
    BlockingChannel a = owner.channel();
    BlockingChannel b = owner.channel();
    String q = a.queueDeclare("", o -> o.exclusive(true)).method().queue();
    b.basicPublish("", q, "shared");
    assertThat(drain(b, q)).containsExactly("shared");
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "an auto-delete queue goes when its last consumer cancels")
  void autoDeleteQueueGoesWithLastConsumer(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("auto");
    ch.queueDeclare(q, o -> o.autoDelete(true));
    String tag = ch.basicConsume(q, (c, m, p, b) -> {});
    ch.basicCancel(tag);
    Errors.channelError(ch, 404, () -> ch.queueDeclare(q, o -> o.passive(true)));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "an auto-delete queue that never had a consumer stays")
  void autoDeleteQueueWithoutConsumerStays(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("auto-idle");
    ch.queueDeclare(q, o -> o.autoDelete(true));
    assertThat(ch.queueDeclare(q, o -> o.passive(true)).method().queue()).isEqualTo(q);
  }

  @Test
  @SpecRule(section = "1.7.2.7", text = "purge removes ready messages and returns how many")
  void purgeReturnsCount(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("purge");
    ch.queueDeclare(q);
    for (int i = 0; i < 5; i++) {
      ch.basicPublish("", q, "m" + i);
    }
    ch.queueDeclare(q, o -> o.passive(true)); // round trip: publishes processed
    assertThat(ch.queuePurge(q)).isEqualTo(5);
    assertThat(count(ch, q)).isZero();
  }

  @Test
  @SpecRule(section = "1.7.2.9", text = "delete returns the number of messages deleted")
  void deleteReturnsCount(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("delete");
    ch.queueDeclare(q);
    ch.basicPublish("", q, "a");
    ch.basicPublish("", q, "b");
    ch.queueDeclare(q, o -> o.passive(true));
    assertThat(ch.queueDelete(q)).isEqualTo(2);
    Errors.channelError(ch, 404, () -> ch.queueDeclare(q, o -> o.passive(true)));
  }

  @Test
  @SpecRule(
      section = "1.7.2.9",
      text = "if-empty/if-unused deletes succeed when the condition holds")
  void conditionalDeleteWhenConditionHolds(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = broker.queue("cond");
    ch.queueDeclare(q);
    assertThat(ch.queueDelete(q, o -> o.ifEmpty(true).ifUnused(true))).isZero();
  }

  @Test
  @SpecRule(section = "1.7.2.9", text = "deleting a queue that does not exist is not an error")
  void deleteMissingQueueIsOk(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.queueDelete(TckBroker.unique("never"));
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "2.1.1", text = "a queue delivers in publish order (FIFO)")
  void queueIsFifo(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    String q = broker.queue("fifo");
    ch.queueDeclare(q);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sent.add("m" + i);
      ch.basicPublish("", q, "m" + i);
    }
    assertThat(drain(ch, q)).containsExactlyElementsOf(sent);
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "a non-exclusive queue is shared between connections")
  void queueSharedBetweenConnections(TckBroker broker) {
    BlockingChannel a = broker.channel();
    BlockingChannel b = broker.channel();
    a.confirmDelivery(); // the publish is in the queue before the other connection looks
    String q = broker.queue("shared");
    a.queueDeclare(q);
    a.basicPublish("", q, "across");
    assertThat(drain(b, q)).containsExactly("across");
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "passive declare of an existing queue returns its counts")
  void passiveDeclareOfExistingQueue(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery(); // declare-ok counts lag unconfirmed publishes on RabbitMQ
    String q = broker.queue("passive");
    ch.queueDeclare(q, o -> o.durable(true));
    ch.basicPublish("", q, "x");
    // passive ignores the other flags, so no equivalence check applies
    assertThat(ch.queueDeclare(q, o -> o.passive(true)).messageCount()).isEqualTo(1);
  }
}
