package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WarrenBrokerExtension.class)
@Timeout(30)
class QueueIT extends BrokerTestSupport {

  QueueIT(EmbeddedBroker broker) {
    super(broker);
  }

  @Test
  void redeclareWithOtherDurabilityFails406WithRabbitText() throws Exception {
    channel.queueDeclare("q.eq", false, false, false, null);
    assertThatThrownBy(() -> channel.queueDeclare("q.eq", true, false, false, null))
        .satisfies(
            e ->
                assertThat(replyText(e))
                    .isEqualTo(
                        "PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'q.eq' in"
                            + " vhost '/': received 'true' but current is 'false'"));
    channel = connection.createChannel();
    channel.queueDelete("q.eq");
  }

  @Test
  void redeclareWithOtherArgumentFails406() throws Exception {
    channel.queueDeclare("q.args", false, false, true, Map.of("x-message-ttl", 1000));
    assertThatThrownBy(
            () -> channel.queueDeclare("q.args", false, false, true, Map.of("x-message-ttl", 2000)))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(406));
  }

  @Test
  void passiveDeclareOfMissingQueueFails404() {
    assertThatThrownBy(() -> channel.queueDeclarePassive("q.none"))
        .satisfies(
            e -> assertThat(replyText(e)).isEqualTo("NOT_FOUND - no queue 'q.none' in vhost '/'"));
  }

  @Test
  void exclusiveQueueIsLockedForOthersAndGoesWithItsConnection() throws Exception {
    channel.queueDeclare("q.excl", false, true, false, null);
    try (Connection other = factory().newConnection()) {
      Channel otherChannel = other.createChannel();
      assertThatThrownBy(
              () -> otherChannel.basicConsume("q.excl", true, new DefaultConsumer(otherChannel)))
          .satisfies(e -> assertThat(replyCode(e)).isEqualTo(405));
      connection.close();
      Channel fresh = other.createChannel();
      await(() -> !exists(fresh, "q.excl"), Duration.ofSeconds(5));
    }
  }

  private boolean exists(Channel probe, String queue) {
    try (Channel ch = probe.getConnection().createChannel()) {
      ch.queueDeclarePassive(queue);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void autoDeleteQueueGoesWithItsLastConsumer() throws Exception {
    channel.queueDeclare("q.auto", false, false, true, null);
    String tag = channel.basicConsume("q.auto", true, new DefaultConsumer(channel));
    channel.basicCancel(tag);
    await(() -> !exists(channel, "q.auto"), Duration.ofSeconds(5));
  }

  @Test
  void quorumQueuesFollowRabbitRules() throws Exception {
    Map<String, Object> quorum = Map.of("x-queue-type", "quorum");
    channel.queueDeclare("q.quorum", true, false, false, quorum);
    assertThatThrownBy(
            () -> channel.queueDeclare("q.quorum.transient", false, false, false, quorum))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(406));
    channel = connection.createChannel();
    assertThatThrownBy(() -> channel.queueDeclare("q.quorum.excl", true, true, false, quorum))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(406));
    channel = connection.createChannel();
    channel.queueDeclare("q.classic", true, false, false, Map.of("x-queue-type", "classic"));
    channel.queueDeclare("q.classic", true, false, false, null);
    channel.queueDelete("q.quorum");
    channel.queueDelete("q.classic");
  }

  @Test
  void deleteIfEmptyAndIfUnused() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    channel.basicPublish("", queue, null, new byte[1]);
    assertThatThrownBy(() -> channel.queueDelete(queue, false, true))
        .satisfies(
            e ->
                assertThat(replyText(e))
                    .isEqualTo(
                        "PRECONDITION_FAILED - queue '" + queue + "' in vhost '/' is not empty"));
    channel = connection.createChannel();
    channel.basicConsume(queue, false, new DefaultConsumer(channel));
    Channel other = connection.createChannel();
    assertThatThrownBy(() -> other.queueDelete(queue, true, false))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(406));
    Channel third = connection.createChannel();
    assertThat(third.queueDelete(queue).getMessageCount()).isZero();
    assertThat(third.queueDelete("q.never").getMessageCount()).isZero();
  }

  @Test
  void deletingAQueueCancelsItsConsumers() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    CountDownLatch cancelled = new CountDownLatch(1);
    channel.basicConsume(
        queue,
        new DefaultConsumer(channel) {
          @Override
          public void handleCancel(String consumerTag) {
            cancelled.countDown();
          }
        });
    Channel other = connection.createChannel();
    other.queueDelete(queue);
    assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void reservedPrefixFails403() {
    assertThatThrownBy(() -> channel.queueDeclare("amq.mine", false, false, false, null))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(403));
  }

  @Test
  void bindToMissingExchangeFails404() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    assertThatThrownBy(() -> channel.queueBind(queue, "x.none", ""))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(404));
  }

  @Test
  void bindToDefaultExchangeFails403() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    assertThatThrownBy(() -> channel.queueBind(queue, "", queue))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(403));
  }

  @Test
  void declareOkReportsConsumers() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    channel.basicConsume(queue, true, new DefaultConsumer(channel));
    AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
    assertThat(ok.getConsumerCount()).isEqualTo(1);
  }
}
