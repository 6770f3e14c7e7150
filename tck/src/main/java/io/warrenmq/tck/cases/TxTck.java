package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.count;
import static io.warrenmq.tck.Messages.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.GetResponse;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Transactions: publishes and acks take effect on commit, vanish on rollback. */
@Tck
@Tag("transactions")
class TxTck {

  private static String queue(TckBroker broker, BlockingChannel ch) {
    String q = broker.queue("tx");
    ch.queueDeclare(q);
    return q;
  }

  @Test
  @SpecRule(section = "1.9.2.3", text = "transactional publishes appear only on commit")
  void publishVisibleAfterCommit(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel tx = connection.channel();
    BlockingChannel observer = connection.channel();
    String q = queue(broker, observer);
    tx.txSelect();
    tx.basicPublish("", q, "pending");
    tx.queueDeclare(q, o -> o.passive(true)); // round trip: the broker has the publish
    assertThat(count(observer, q)).isZero();
    tx.txCommit();
    assertThat(drain(observer, q)).containsExactly("pending");
  }

  @Test
  @SpecRule(section = "1.9.2.5", text = "rollback discards transactional publishes")
  void rollbackDiscardsPublishes(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queue(broker, ch);
    ch.txSelect();
    ch.basicPublish("", q, "never");
    ch.txRollback();
    ch.txCommit();
    assertThat(count(ch, q)).isZero();
  }

  @Test
  @SpecRule(section = "1.9.2.3", text = "transactional acks take effect on commit")
  void ackAppliedOnCommit(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queue(broker, ch);
    ch.basicPublish("", q, "ack in tx");
    long tag = ch.basicGet(q).method().deliveryTag();
    ch.txSelect();
    ch.basicAck(tag);
    ch.txCommit();
    ch.close();
    assertThat(count(connection.channel(), q)).isZero();
  }

  @Test
  @SpecRule(section = "1.9.2.5", text = "rolled-back acks leave the message unacked")
  void ackUndoneByRollback(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = queue(broker, ch);
    ch.basicPublish("", q, "still mine");
    long tag = ch.basicGet(q).method().deliveryTag();
    ch.txSelect();
    ch.basicAck(tag);
    ch.txRollback();
    ch.close(); // the unacked message returns to the queue
    GetResponse r = connection.channel().basicGet(q, o -> o.autoAck(true));
    assertThat(r.bodyAsString()).isEqualTo("still mine");
    assertThat(r.method().redelivered()).isTrue();
  }

  @Test
  @SpecRule(section = "1.9.2.3", text = "each commit starts a new transaction")
  void consecutiveCommits(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queue(broker, ch);
    ch.txSelect();
    ch.basicPublish("", q, "1");
    ch.txCommit();
    ch.basicPublish("", q, "2");
    ch.txRollback();
    ch.basicPublish("", q, "3");
    ch.txCommit();
    assertThat(drain(ch, q)).containsExactly("1", "3");
  }

  @Test
  @SpecRule(section = "1.9.2.3", text = "committing an empty transaction is fine")
  void emptyCommit(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.txSelect();
    ch.txCommit();
    ch.txRollback();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "1.9.2.1", text = "tx.select twice is allowed")
  void selectTwice(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.txSelect();
    ch.txSelect();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "1.9.2.3", text = "tx.commit on a non-transactional channel: 406")
  void commitWithoutSelect(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(ch, 406, ch::txCommit);
  }

  @Test
  @SpecRule(section = "1.9.2.5", text = "tx.rollback on a non-transactional channel: 406")
  void rollbackWithoutSelect(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(ch, 406, ch::txRollback);
  }

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "tx.select on a confirm-mode channel: 406")
  void selectOnConfirmChannel(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    Errors.channelError(ch, 406, ch::txSelect);
  }

  @Test
  @SpecRule(section = "1.9", text = "transactional publishes keep their order")
  void commitKeepsOrder(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String q = queue(broker, ch);
    ch.txSelect();
    for (int i = 0; i < 20; i++) {
      ch.basicPublish("", q, "m" + i);
    }
    ch.txCommit();
    assertThat(drain(ch, q)).hasSize(20).first().isEqualTo("m0");
  }
}
