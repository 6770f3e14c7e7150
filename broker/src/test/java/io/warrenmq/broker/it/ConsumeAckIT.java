package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WarrenBrokerExtension.class)
@Timeout(30)
class ConsumeAckIT extends BrokerTestSupport {

  ConsumeAckIT(EmbeddedBroker broker) {
    super(broker);
  }

  /** A server-named exclusive queue that, unlike queueDeclare()'s, is not auto-delete. */
  private String queueWith(int messages) throws Exception {
    String queue = channel.queueDeclare("", false, true, false, null).getQueue();
    for (int i = 0; i < messages; i++) {
      channel.basicPublish("", queue, null, new byte[] {(byte) i});
    }
    return queue;
  }

  /** Records deliveries without acking them. */
  private static final class Recorder extends DefaultConsumer {
    final List<Envelope> envelopes = new CopyOnWriteArrayList<>();
    final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    Recorder(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
      envelopes.add(envelope);
      bodies.add(body);
    }
  }

  @Test
  void prefetchLimitsUnackedPerConsumer() throws Exception {
    String queue = queueWith(10);
    channel.basicQos(3);
    Recorder recorder = new Recorder(channel);
    channel.basicConsume(queue, false, recorder);
    await(() -> recorder.envelopes.size() == 3, Duration.ofSeconds(5));
    assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isEqualTo(7);
    assertThat(recorder.envelopes).hasSize(3);
    channel.basicAck(recorder.envelopes.get(2).getDeliveryTag(), true);
    await(() -> recorder.envelopes.size() == 6, Duration.ofSeconds(5));
  }

  @Test
  void globalPrefetchIsSharedByTheChannel() throws Exception {
    String first = queueWith(5);
    String second = queueWith(5);
    channel.basicQos(4, true);
    Recorder recorder = new Recorder(channel);
    channel.basicConsume(first, false, recorder);
    channel.basicConsume(second, false, recorder);
    await(() -> recorder.envelopes.size() == 4, Duration.ofSeconds(5));
    int left =
        channel.queueDeclarePassive(first).getMessageCount()
            + channel.queueDeclarePassive(second).getMessageCount();
    assertThat(left).isEqualTo(6);
  }

  @Test
  void unackedMessagesComeBackRedeliveredInOrderWhenTheChannelCloses() throws Exception {
    String queue = queueWith(3);
    Channel consumerChannel = connection.createChannel();
    Recorder recorder = new Recorder(consumerChannel);
    consumerChannel.basicConsume(queue, false, recorder);
    await(() -> recorder.envelopes.size() == 3, Duration.ofSeconds(5));
    consumerChannel.close();
    await(() -> count(queue) == 3, Duration.ofSeconds(5));
    for (int i = 0; i < 3; i++) {
      GetResponse response = channel.basicGet(queue, true);
      assertThat(response.getEnvelope().isRedeliver()).isTrue();
      assertThat(response.getBody()).containsExactly((byte) i);
    }
  }

  private int count(String queue) {
    try {
      return channel.queueDeclarePassive(queue).getMessageCount();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void nackAndRejectRequeueOrDrop() throws Exception {
    String queue = queueWith(3);
    GetResponse a = channel.basicGet(queue, false);
    GetResponse b = channel.basicGet(queue, false);
    GetResponse c = channel.basicGet(queue, false);
    channel.basicReject(a.getEnvelope().getDeliveryTag(), true);
    channel.basicNack(c.getEnvelope().getDeliveryTag(), true, false);
    assertThat(count(queue)).isEqualTo(1);
    GetResponse again = channel.basicGet(queue, true);
    assertThat(again.getEnvelope().isRedeliver()).isTrue();
    assertThat(again.getBody()).containsExactly((byte) 0);
    assertThat(b.getMessageCount()).isEqualTo(1);
  }

  @Test
  void unknownDeliveryTagFails406() throws Exception {
    channel.basicAck(42, false);
    assertThatThrownBy(() -> channel.queueDeclare())
        .satisfies(
            e -> {
              assertThat(replyCode(e)).isEqualTo(406);
              assertThat(replyText(e)).isEqualTo("PRECONDITION_FAILED - unknown delivery tag 42");
            });
  }

  @Test
  void recoverRedeliversUnacked() throws Exception {
    String queue = queueWith(1);
    Recorder recorder = new Recorder(channel);
    channel.basicConsume(queue, false, recorder);
    await(() -> recorder.envelopes.size() == 1, Duration.ofSeconds(5));
    channel.basicRecover(true);
    await(() -> recorder.envelopes.size() == 2, Duration.ofSeconds(5));
    assertThat(recorder.envelopes.get(1).isRedeliver()).isTrue();
  }

  @Test
  void cancelStopsDeliveries() throws Exception {
    String queue = queueWith(0);
    Recorder recorder = new Recorder(channel);
    String tag = channel.basicConsume(queue, true, "my-tag", recorder);
    assertThat(tag).isEqualTo("my-tag");
    channel.basicCancel(tag);
    channel.basicPublish("", queue, null, new byte[1]);
    assertThat(count(queue)).isEqualTo(1);
    assertThat(recorder.envelopes).isEmpty();
  }

  @Test
  void reusedConsumerTagClosesConnection530() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    channel.basicConsume(queue, true, "dup", new DefaultConsumer(channel));
    assertThatThrownBy(() -> channel.basicConsume(queue, true, "dup", new DefaultConsumer(channel)))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(530));
  }

  @Test
  void exclusiveConsumerLocksTheQueue() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    channel.basicConsume(queue, true, "", false, true, null, new DefaultConsumer(channel));
    Channel other = connection.createChannel();
    assertThatThrownBy(() -> other.basicConsume(queue, true, new DefaultConsumer(other)))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(403));
  }

  @Test
  void mandatoryUnroutableIsReturned() throws Exception {
    CountDownLatch returned = new CountDownLatch(1);
    List<Integer> codes = new CopyOnWriteArrayList<>();
    channel.addReturnListener(
        r -> {
          codes.add(r.getReplyCode());
          returned.countDown();
        });
    channel.basicPublish("amq.direct", "nowhere", true, null, new byte[] {1});
    assertThat(returned.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(codes).containsExactly(312);
  }

  @Test
  void publisherConfirms() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    channel.confirmSelect();
    for (int i = 0; i < 100; i++) {
      channel.basicPublish("", queue, null, new byte[1]);
    }
    channel.basicPublish("amq.direct", "nowhere", true, null, new byte[1]);
    assertThat(channel.waitForConfirms(5000)).isTrue();
    assertThat(count(queue)).isEqualTo(100);
  }

  @Test
  void transactionsCommitAndRollback() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    channel.txSelect();
    channel.basicPublish("", queue, null, new byte[1]);
    assertThat(count(queue)).isZero();
    channel.txCommit();
    assertThat(count(queue)).isEqualTo(1);
    channel.basicPublish("", queue, null, new byte[1]);
    channel.txRollback();
    assertThat(count(queue)).isEqualTo(1);
    GetResponse got = channel.basicGet(queue, false);
    channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
    channel.txRollback();
    channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
    channel.txCommit();
    assertThatThrownBy(() -> channel.confirmSelect())
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(406));
  }

  @Test
  void tooLargeMessageFails406() throws Exception {
    try (EmbeddedBroker small =
        EmbeddedBroker.start(
            io.warrenmq.broker.BrokerConfig.ephemeral().withMaxMessageSize(1000))) {
      var factory = factory();
      factory.setPort(small.port());
      try (var conn = factory.newConnection()) {
        Channel ch = conn.createChannel();
        String queue = ch.queueDeclare().getQueue();
        ch.basicPublish("", queue, null, new byte[2000]);
        assertThatThrownBy(() -> ch.queueDeclare())
            .satisfies(e -> assertThat(replyCode(e)).isEqualTo(406));
        Channel next = conn.createChannel();
        next.basicPublish("", queue, null, new byte[10]);
        assertThat(next.queueDeclarePassive(queue).getMessageCount()).isEqualTo(1);
      }
    }
  }
}
