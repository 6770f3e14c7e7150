package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WarrenBrokerExtension.class)
@Timeout(30)
class BasicMessagingIT extends BrokerTestSupport {

  BasicMessagingIT(EmbeddedBroker broker) {
    super(broker);
  }

  @Test
  void publishAndGetThroughDefaultExchange() throws Exception {
    String queue = channel.queueDeclare("", false, true, true, null).getQueue();
    assertThat(queue).startsWith("amq.gen-");
    channel.basicPublish("", queue, null, "hello".getBytes(StandardCharsets.UTF_8));
    GetResponse response = channel.basicGet(queue, true);
    assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(response.getEnvelope().isRedeliver()).isFalse();
    assertThat(channel.basicGet(queue, true)).isNull();
  }

  @Test
  void declareOkCountsMessages() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    for (int i = 0; i < 3; i++) {
      channel.basicPublish("", queue, null, new byte[] {(byte) i});
    }
    assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isEqualTo(3);
    assertThat(channel.queuePurge(queue).getMessageCount()).isEqualTo(3);
    assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isZero();
  }

  @Test
  void consumeRoundRobinAcrossConsumers() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    channel.basicConsume(queue, true, collector(first));
    channel.basicConsume(queue, true, collector(second));
    for (int i = 0; i < 10; i++) {
      channel.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
    }
    await(() -> first.size() + second.size() == 10, Duration.ofSeconds(5));
    assertThat(first).hasSize(5);
    assertThat(second).hasSize(5);
  }

  @Test
  void largeMessageSpansFrames() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    byte[] body = new byte[1_000_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    channel.basicPublish("", queue, null, body);
    BlockingQueue<byte[]> received = new ArrayBlockingQueue<>(1);
    channel.basicConsume(
        queue,
        true,
        new DefaultConsumer(channel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties props, byte[] data) {
            received.add(data);
          }
        });
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(body);
  }

  @Test
  void propertiesSurviveTheTrip() throws Exception {
    String queue = channel.queueDeclare().getQueue();
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .contentType("text/plain")
            .correlationId("c1")
            .replyTo("r")
            .headers(java.util.Map.of("k", "v"))
            .deliveryMode(2)
            .build();
    channel.basicPublish("", queue, props, new byte[0]);
    GetResponse response = channel.basicGet(queue, true);
    assertThat(response.getProps().getContentType()).isEqualTo("text/plain");
    assertThat(response.getProps().getCorrelationId()).isEqualTo("c1");
    assertThat(response.getProps().getHeaders().get("k").toString()).isEqualTo("v");
    assertThat(response.getBody()).isEmpty();
  }

  private DefaultConsumer collector(List<String> sink) {
    return new DefaultConsumer(channel) {
      @Override
      public void handleDelivery(
          String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        sink.add(new String(body, StandardCharsets.UTF_8));
      }
    };
  }
}
