package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** RabbitMQ's consumer_timeout, with a short value ({@code -Dwarrenmq.consumer_timeout}). */
@ExtendWith(WarrenBrokerExtension.class)
@Timeout(30)
class ConsumerTimeoutIT extends BrokerTestSupport {

  ConsumerTimeoutIT(EmbeddedBroker broker) {
    super(broker);
  }

  @AfterEach
  void restoreTimeout() {
    System.clearProperty("warrenmq.consumer_timeout");
  }

  /** A channel opened while the timeout is {@code ms}: channels read it when they open. */
  private Channel channelWithTimeout(long ms) throws Exception {
    System.setProperty("warrenmq.consumer_timeout", Long.toString(ms));
    return connection.createChannel();
  }

  @Test
  void unackedDeliveryPastTheTimeoutClosesTheChannel() throws Exception {
    Channel consumerChannel = channelWithTimeout(200);
    String queue = channel.queueDeclare("", false, true, false, null).getQueue();
    AtomicReference<ShutdownSignalException> closed = new AtomicReference<>();
    consumerChannel.addShutdownListener(closed::set);
    consumerChannel.basicConsume(
        queue,
        false,
        new DefaultConsumer(consumerChannel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {}
        });
    channel.basicPublish("", queue, null, "slow".getBytes());
    await(() -> closed.get() != null, Duration.ofSeconds(10));
    assertThat(replyCode(closed.get())).isEqualTo(406);
    assertThat(replyText(closed.get()))
        .startsWith("PRECONDITION_FAILED - delivery acknowledgement on channel")
        .contains("timed out. Timeout value used: 200 ms");
    assertThat(connection.isOpen()).isTrue();
    // The delivery went back to the queue, marked redelivered.
    GetResponse again = channel.basicGet(queue, true);
    assertThat(again).isNotNull();
    assertThat(again.getEnvelope().isRedeliver()).isTrue();
  }
}
