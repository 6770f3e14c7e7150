package io.warrenmq.tck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import io.warrenmq.tck.SpecRule;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official RabbitMQ Java client against WarrenMQ: connection, queues, exchanges, routing. */
@Tag("interop")
@ExtendWith(WarrenBrokerExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OfficialClientTopologyIT {
  private OfficialClient client;

  @BeforeEach
  void connect(EmbeddedBroker broker) {
    client = new OfficialClient(broker);
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static String get(Channel ch, String q) throws Exception {
    GetResponse r = ch.basicGet(q, true);
    return r == null ? null : new String(r.getBody(), StandardCharsets.UTF_8);
  }

  private static void publish(Channel ch, String exchange, String key, String body)
      throws Exception {
    ch.basicPublish(exchange, key, null, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @SpecRule(section = "1.4.2.1", text = "handshake: server properties name the product")
  void connectsAndReadsServerProperties() throws Exception {
    Connection c = client.connect();
    assertThat(c.isOpen()).isTrue();
    assertThat(c.getServerProperties()).containsKeys("product", "capabilities");
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "negotiated heartbeat and frame_max")
  void negotiatesTuning() throws Exception {
    client.factory().setRequestedHeartbeat(11);
    client.factory().setRequestedFrameMax(16384);
    Connection c = client.connect();
    assertThat(c.getHeartbeat()).isEqualTo(11);
    assertThat(c.getFrameMax()).isEqualTo(16384);
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "server-named exclusive queue")
  void serverNamedQueue() throws Exception {
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    assertThat(q).startsWith("amq.gen-");
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "declare-ok counts")
  void declareOkCounts() throws Exception {
    Channel ch = client.channel();
    ch.confirmSelect();
    String q = ch.queueDeclare().getQueue();
    publish(ch, "", q, "a");
    publish(ch, "", q, "b");
    ch.waitForConfirmsOrDie(5000);
    assertThat(ch.queueDeclarePassive(q).getMessageCount()).isEqualTo(2);
    assertThat(ch.messageCount(q)).isEqualTo(2);
  }

  @Test
  @SpecRule(section = "3.1.3.1", text = "default exchange routes by queue name")
  void defaultExchange() throws Exception {
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    publish(ch, "", q, "hello");
    assertThat(get(ch, q)).isEqualTo("hello");
  }

  @Test
  @SpecRule(section = "3.1.3.2", text = "direct routing")
  void directRouting() throws Exception {
    Channel ch = client.channel();
    ch.exchangeDeclare("interop.direct", BuiltinExchangeType.DIRECT);
    String q = ch.queueDeclare().getQueue();
    ch.queueBind(q, "interop.direct", "info");
    publish(ch, "interop.direct", "error", "e");
    publish(ch, "interop.direct", "info", "i");
    assertThat(get(ch, q)).isEqualTo("i");
    assertThat(get(ch, q)).isNull();
  }

  @Test
  @SpecRule(section = "3.1.3.3", text = "fanout routing")
  void fanoutRouting() throws Exception {
    Channel ch = client.channel();
    ch.exchangeDeclare("interop.fanout", BuiltinExchangeType.FANOUT);
    String a = ch.queueDeclare().getQueue();
    String b = ch.queueDeclare().getQueue();
    ch.queueBind(a, "interop.fanout", "");
    ch.queueBind(b, "interop.fanout", "");
    publish(ch, "interop.fanout", "x", "all");
    assertThat(get(ch, a)).isEqualTo("all");
    assertThat(get(ch, b)).isEqualTo("all");
  }

  @Test
  @SpecRule(section = "3.1.3.4", text = "topic routing with * and #")
  void topicRouting() throws Exception {
    Channel ch = client.channel();
    ch.exchangeDeclare("interop.topic", BuiltinExchangeType.TOPIC);
    String star = ch.queueDeclare().getQueue();
    String hash = ch.queueDeclare().getQueue();
    ch.queueBind(star, "interop.topic", "*.orange.*");
    ch.queueBind(hash, "interop.topic", "lazy.#");
    publish(ch, "interop.topic", "quick.orange.rabbit", "1");
    publish(ch, "interop.topic", "lazy.pink.rabbit", "2");
    publish(ch, "interop.topic", "lazy", "3");
    assertThat(get(ch, star)).isEqualTo("1");
    assertThat(get(ch, star)).isNull();
    assertThat(get(ch, hash)).isEqualTo("2");
    assertThat(get(ch, hash)).isEqualTo("3");
  }

  @Test
  @SpecRule(section = "3.1.3.5", text = "headers routing x-match any")
  void headersRouting() throws Exception {
    Channel ch = client.channel();
    ch.exchangeDeclare("interop.headers", BuiltinExchangeType.HEADERS);
    String q = ch.queueDeclare().getQueue();
    ch.queueBind(q, "interop.headers", "", Map.of("x-match", "any", "a", "1", "b", "2"));
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder().headers(Map.of("b", "2")).build();
    ch.basicPublish("interop.headers", "", props, "h".getBytes());
    assertThat(get(ch, q)).isEqualTo("h");
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "exchange-to-exchange binding")
  void exchangeToExchange() throws Exception {
    Channel ch = client.channel();
    ch.exchangeDeclare("interop.src", BuiltinExchangeType.TOPIC);
    ch.exchangeDeclare("interop.dst", BuiltinExchangeType.FANOUT);
    ch.exchangeBind("interop.dst", "interop.src", "a.#");
    String q = ch.queueDeclare().getQueue();
    ch.queueBind(q, "interop.dst", "");
    publish(ch, "interop.src", "a.b", "via");
    assertThat(get(ch, q)).isEqualTo("via");
  }

  @Test
  @SpecRule(section = "1.7.2.7", text = "purge and delete report counts")
  void purgeAndDelete() throws Exception {
    Channel ch = client.channel();
    ch.confirmSelect();
    String q = ch.queueDeclare("interop.purge", false, false, false, null).getQueue();
    publish(ch, "", q, "1");
    publish(ch, "", q, "2");
    ch.waitForConfirmsOrDie(5000);
    assertThat(ch.queuePurge(q).getMessageCount()).isEqualTo(2);
    publish(ch, "", q, "3");
    ch.waitForConfirmsOrDie(5000);
    assertThat(ch.queueDelete(q).getMessageCount()).isEqualTo(1);
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "exclusive queue removed when its connection closes")
  void exclusiveQueueRemovedOnClose() throws Exception {
    Connection owner = client.connect();
    String q = owner.createChannel().queueDeclare().getQueue();
    owner.close();
    Channel other = client.channel();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> other.queueDeclarePassive(q)))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "1000+ channels on one connection")
  void manyChannels() throws Exception {
    Connection c = client.connect();
    for (int i = 0; i < 1100; i++) {
      assertThat(c.createChannel()).isNotNull();
    }
    assertThat(c.isOpen()).isTrue();
  }
}
