package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WarrenBrokerExtension.class)
@Timeout(30)
class ExchangeRoutingIT extends BrokerTestSupport {

  ExchangeRoutingIT(EmbeddedBroker broker) {
    super(broker);
  }

  private String boundQueue(String exchange, String key) throws IOException {
    String queue = channel.queueDeclare().getQueue();
    channel.queueBind(queue, exchange, key);
    return queue;
  }

  private int count(String queue) throws IOException {
    return channel.queueDeclarePassive(queue).getMessageCount();
  }

  @Test
  void predeclaredExchangesExist() throws Exception {
    for (String name :
        new String[] {"amq.direct", "amq.fanout", "amq.topic", "amq.headers", "amq.match"}) {
      channel.exchangeDeclarePassive(name);
    }
  }

  @Test
  void directAndFanout() throws Exception {
    channel.exchangeDeclare("x.direct", BuiltinExchangeType.DIRECT);
    channel.exchangeDeclare("x.fanout", BuiltinExchangeType.FANOUT);
    String red = boundQueue("x.direct", "red");
    String green = boundQueue("x.direct", "green");
    String all1 = boundQueue("x.fanout", "");
    String all2 = boundQueue("x.fanout", "ignored");
    channel.basicPublish("x.direct", "red", null, new byte[1]);
    channel.basicPublish("x.fanout", "whatever", null, new byte[1]);
    assertThat(count(red)).isEqualTo(1);
    assertThat(count(green)).isZero();
    assertThat(count(all1)).isEqualTo(1);
    assertThat(count(all2)).isEqualTo(1);
  }

  @Test
  void topicPatterns() throws Exception {
    channel.exchangeDeclare("x.topic", BuiltinExchangeType.TOPIC);
    String star = boundQueue("x.topic", "*.orange.*");
    String hash = boundQueue("x.topic", "lazy.#");
    String rabbit = boundQueue("x.topic", "*.*.rabbit");
    channel.basicPublish("x.topic", "quick.orange.rabbit", null, new byte[1]);
    channel.basicPublish("x.topic", "lazy", null, new byte[1]);
    channel.basicPublish("x.topic", "lazy.pink.rabbit", null, new byte[1]);
    channel.basicPublish("x.topic", "quick.brown.fox", null, new byte[1]);
    assertThat(count(star)).isEqualTo(1);
    assertThat(count(hash)).isEqualTo(2);
    assertThat(count(rabbit)).isEqualTo(2);
  }

  @Test
  void headersAllAndAny() throws Exception {
    channel.exchangeDeclare("x.headers", BuiltinExchangeType.HEADERS);
    String all = channel.queueDeclare().getQueue();
    String any = channel.queueDeclare().getQueue();
    channel.queueBind(all, "x.headers", "", Map.of("x-match", "all", "a", 1, "b", "two"));
    channel.queueBind(any, "x.headers", "", Map.of("x-match", "any", "a", 1, "b", "two"));
    publishHeaders("x.headers", Map.of("a", 1, "b", "two"));
    publishHeaders("x.headers", Map.of("a", 1));
    publishHeaders("x.headers", Map.of("c", 3));
    assertThat(count(all)).isEqualTo(1);
    assertThat(count(any)).isEqualTo(2);
  }

  private void publishHeaders(String exchange, Map<String, Object> headers) throws IOException {
    channel.basicPublish(
        exchange,
        "",
        new com.rabbitmq.client.AMQP.BasicProperties.Builder().headers(headers).build(),
        new byte[1]);
  }

  @Test
  void exchangeToExchangeBindings() throws Exception {
    channel.exchangeDeclare("e2e.src", BuiltinExchangeType.TOPIC);
    channel.exchangeDeclare("e2e.dst", BuiltinExchangeType.FANOUT);
    channel.exchangeBind("e2e.dst", "e2e.src", "a.*");
    channel.exchangeBind("e2e.src", "e2e.dst", "#"); // a cycle must not loop
    String queue = boundQueue("e2e.dst", "");
    channel.basicPublish("e2e.src", "a.b", null, new byte[1]);
    channel.basicPublish("e2e.src", "b.b", null, new byte[1]);
    assertThat(count(queue)).isEqualTo(1);
    channel.exchangeUnbind("e2e.dst", "e2e.src", "a.*");
    channel.basicPublish("e2e.src", "a.b", null, new byte[1]);
    assertThat(count(queue)).isEqualTo(1);
  }

  @Test
  void unbindStopsRouting() throws Exception {
    String queue = boundQueue("amq.direct", "k");
    channel.queueUnbind(queue, "amq.direct", "k");
    channel.basicPublish("amq.direct", "k", null, new byte[1]);
    assertThat(count(queue)).isZero();
  }

  @Test
  void redeclareWithOtherTypeFails406() throws Exception {
    channel.exchangeDeclare("x.eq", BuiltinExchangeType.DIRECT);
    assertThatThrownBy(() -> channel.exchangeDeclare("x.eq", BuiltinExchangeType.FANOUT))
        .satisfies(
            e -> {
              assertThat(replyCode(e)).isEqualTo(406);
              assertThat(replyText(e))
                  .isEqualTo(
                      "PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'x.eq' in"
                          + " vhost '/': received 'fanout' but current is 'direct'");
            });
  }

  @Test
  void passiveDeclareOfMissingExchangeFails404() {
    assertThatThrownBy(() -> channel.exchangeDeclarePassive("nope"))
        .satisfies(
            e -> {
              assertThat(replyCode(e)).isEqualTo(404);
              assertThat(replyText(e)).isEqualTo("NOT_FOUND - no exchange 'nope' in vhost '/'");
            });
  }

  @Test
  void reservedPrefixFails403() {
    assertThatThrownBy(() -> channel.exchangeDeclare("amq.mine", BuiltinExchangeType.DIRECT))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(403));
  }

  @Test
  void unknownTypeClosesConnection503() {
    assertThatThrownBy(() -> channel.exchangeDeclare("x.weird", "x-weird"))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(503));
  }

  @Test
  void deleteIfUnused() throws Exception {
    channel.exchangeDeclare("x.used", BuiltinExchangeType.DIRECT);
    boundQueue("x.used", "k");
    assertThatThrownBy(() -> channel.exchangeDelete("x.used", true))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(406));
    channel = connection.createChannel();
    channel.exchangeDelete("x.used");
    assertThatThrownBy(() -> channel.exchangeDeclarePassive("x.used"))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(404));
  }

  @Test
  void publishToMissingExchangeClosesChannel404() throws Exception {
    channel.basicPublish("missing", "k", null, new byte[1]);
    assertThatThrownBy(() -> channel.queueDeclare())
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(404));
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void internalExchangeRefusesPublish() throws Exception {
    channel.exchangeDeclare("x.internal", BuiltinExchangeType.FANOUT, false, false, true, null);
    channel.basicPublish("x.internal", "", null, new byte[1]);
    assertThatThrownBy(() -> channel.queueDeclare())
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(403));
  }

  @Test
  void autoDeleteExchangeGoesWithItsLastBinding() throws Exception {
    channel.exchangeDeclare("x.auto", BuiltinExchangeType.DIRECT, false, true, null);
    String queue = boundQueue("x.auto", "k");
    channel.queueUnbind(queue, "x.auto", "k");
    assertThatThrownBy(() -> channel.exchangeDeclarePassive("x.auto"))
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(404));
  }

  @Test
  void getAfterRouting() throws Exception {
    String queue = boundQueue("amq.topic", "#");
    channel.basicPublish("amq.topic", "", null, "x".getBytes());
    GetResponse response = channel.basicGet(queue, true);
    assertThat(response.getEnvelope().getExchange()).isEqualTo("amq.topic");
  }
}
