package io.warrenmq.tck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.RpcClient;
import com.rabbitmq.client.RpcClientParams;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import io.warrenmq.tck.SpecRule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official RabbitMQ Java client against WarrenMQ: publish, consume, ack, qos, confirms, tx. */
@Tag("interop")
@ExtendWith(WarrenBrokerExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OfficialClientMessagingIT {
  private OfficialClient client;

  @BeforeEach
  void connect(EmbeddedBroker broker) {
    client = new OfficialClient(broker);
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static BlockingQueue<Delivery> consume(Channel ch, String q, boolean autoAck)
      throws Exception {
    BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
    DeliverCallback callback = (tag, d) -> got.add(d);
    ch.basicConsume(q, autoAck, callback, tag -> {});
    return got;
  }

  private static Delivery next(BlockingQueue<Delivery> got) throws InterruptedException {
    Delivery d = got.poll(10, TimeUnit.SECONDS);
    assertThat(d).as("a delivery within 10 s").isNotNull();
    return d;
  }

  @Test
  @SpecRule(section = "1.8.3.9", text = "consume with auto-ack")
  void consumeAutoAck() throws Exception {
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    BlockingQueue<Delivery> got = consume(ch, q, true);
    ch.basicPublish("", q, null, "hi".getBytes());
    Delivery d = next(got);
    assertThat(new String(d.getBody())).isEqualTo("hi");
    assertThat(d.getEnvelope().getRoutingKey()).isEqualTo(q);
  }

  @Test
  @SpecRule(section = "1.8.3.13", text = "manual ack, nack requeue gives redelivered=true")
  void nackRequeueRedelivers() throws Exception {
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    BlockingQueue<Delivery> got = consume(ch, q, false);
    ch.basicPublish("", q, null, "again".getBytes());
    Delivery first = next(got);
    ch.basicNack(first.getEnvelope().getDeliveryTag(), false, true);
    Delivery second = next(got);
    assertThat(second.getEnvelope().isRedeliver()).isTrue();
    ch.basicAck(second.getEnvelope().getDeliveryTag(), false);
  }

  @Test
  @SpecRule(
      section = "1.8.3.13",
      text = "unacked message redelivered when the consumer connection dies")
  void redeliveryAfterConnectionClose() throws Exception {
    Channel setup = client.channel();
    // not auto-delete: the dying consumer is the queue's only one
    String q = setup.queueDeclare("interop.redeliver", false, false, false, null).getQueue();
    Connection worker = client.connect();
    Channel wch = worker.createChannel();
    BlockingQueue<Delivery> got = consume(wch, q, false);
    setup.basicPublish("", q, null, "work".getBytes());
    next(got);
    worker.abort(); // no close handshake
    GetResponse r = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (r == null && System.nanoTime() < deadline) {
      r = setup.basicGet(q, true);
    }
    assertThat(r).isNotNull();
    assertThat(r.getEnvelope().isRedeliver()).isTrue();
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "prefetch 1 with two consumers: fair dispatch")
  void fairDispatch() throws Exception {
    Channel setup = client.channel();
    String q = setup.queueDeclare("interop.fair", false, false, true, null).getQueue();
    Channel busy = client.channel();
    Channel free = client.channel();
    busy.basicQos(1);
    free.basicQos(1);
    BlockingQueue<Delivery> busyGot = consume(busy, q, false);
    BlockingQueue<Delivery> freeGot = new LinkedBlockingQueue<>();
    free.basicConsume(
        q,
        false,
        (tag, d) -> {
          freeGot.add(d);
          free.basicAck(d.getEnvelope().getDeliveryTag(), false);
        },
        tag -> {});
    for (int i = 0; i < 10; i++) {
      setup.basicPublish("", q, null, ("t" + i).getBytes());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (busyGot.size() + freeGot.size() < 10 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(busyGot).hasSize(1);
    assertThat(freeGot).hasSize(9);
  }

  @Test
  @SpecRule(section = "rabbitmq:confirms", text = "confirms with waitForConfirmsOrDie")
  void publisherConfirms() throws Exception {
    Channel ch = client.channel();
    ch.confirmSelect();
    String q = ch.queueDeclare().getQueue();
    for (int i = 0; i < 100; i++) {
      ch.basicPublish("", q, null, "c".getBytes());
    }
    ch.waitForConfirmsOrDie(5000);
    assertThat(ch.messageCount(q)).isEqualTo(100);
  }

  @Test
  @SpecRule(section = "1.9.2.3", text = "tx commit and rollback")
  void transactions() throws Exception {
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    ch.txSelect();
    ch.basicPublish("", q, null, "rolled back".getBytes());
    ch.txRollback();
    ch.basicPublish("", q, null, "committed".getBytes());
    ch.txCommit();
    assertThat(new String(ch.basicGet(q, true).getBody())).isEqualTo("committed");
    assertThat(ch.basicGet(q, true)).isNull();
  }

  @Test
  @SpecRule(section = "1.8.3.8", text = "mandatory unroutable is returned with 312")
  void mandatoryReturn() throws Exception {
    Channel ch = client.channel();
    BlockingQueue<Integer> codes = new LinkedBlockingQueue<>();
    ch.addReturnListener(r -> codes.add(r.getReplyCode()));
    ch.basicPublish("amq.direct", "interop-nowhere", true, null, "r".getBytes());
    assertThat(codes.poll(10, TimeUnit.SECONDS)).isEqualTo(312);
  }

  @Test
  @SpecRule(section = "1.8.1", text = "all 14 properties round-trip")
  void allProperties() throws Exception {
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    AMQP.BasicProperties sent =
        new AMQP.BasicProperties.Builder()
            .contentType("text/plain")
            .contentEncoding("utf-8")
            .headers(Map.of("h", "v"))
            .deliveryMode(2)
            .priority(3)
            .correlationId("corr")
            .replyTo("reply")
            .expiration("60000")
            .messageId("id")
            .timestamp(new Date(1_700_000_000_000L))
            .type("type")
            .userId("guest")
            .appId("app")
            .clusterId("cluster")
            .build();
    ch.basicPublish("", q, sent, "p".getBytes());
    AMQP.BasicProperties got = ch.basicGet(q, true).getProps();
    assertThat(got.getContentType()).isEqualTo("text/plain");
    assertThat(got.getContentEncoding()).isEqualTo("utf-8");
    assertThat(got.getHeaders().get("h").toString()).isEqualTo("v");
    assertThat(got.getDeliveryMode()).isEqualTo(2);
    assertThat(got.getPriority()).isEqualTo(3);
    assertThat(got.getCorrelationId()).isEqualTo("corr");
    assertThat(got.getReplyTo()).isEqualTo("reply");
    assertThat(got.getExpiration()).isEqualTo("60000");
    assertThat(got.getMessageId()).isEqualTo("id");
    assertThat(got.getTimestamp()).isEqualTo(new Date(1_700_000_000_000L));
    assertThat(got.getType()).isEqualTo("type");
    assertThat(got.getUserId()).isEqualTo("guest");
    assertThat(got.getAppId()).isEqualTo("app");
    assertThat(got.getClusterId()).isEqualTo("cluster");
  }

  @Test
  @SpecRule(section = "4.2.5.5", text = "field-table types round-trip")
  void fieldTableTypes() throws Exception {
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("bool", true);
    headers.put("byte", (byte) -3);
    headers.put("short", (short) 300);
    headers.put("int", 70000);
    headers.put("long", 1L << 40);
    headers.put("float", 1.5f);
    headers.put("double", 2.25);
    headers.put("decimal", new BigDecimal("1.23"));
    headers.put("string", "s");
    headers.put("bytes", new byte[] {1, 2});
    headers.put("array", List.of(1, "x"));
    headers.put("time", new Date(1_600_000_000_000L));
    headers.put("table", Map.of("k", 1));
    headers.put("void", null);
    ch.basicPublish(
        "", q, new AMQP.BasicProperties.Builder().headers(headers).build(), new byte[0]);
    Map<String, Object> got = ch.basicGet(q, true).getProps().getHeaders();
    assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(headers.keySet());
    assertThat(got.get("bool")).isEqualTo(true);
    assertThat(got.get("byte")).isEqualTo((byte) -3);
    assertThat(got.get("short")).isEqualTo((short) 300);
    assertThat(got.get("int")).isEqualTo(70000);
    assertThat(got.get("long")).isEqualTo(1L << 40);
    assertThat(got.get("float")).isEqualTo(1.5f);
    assertThat(got.get("double")).isEqualTo(2.25);
    assertThat(got.get("decimal")).isEqualTo(new BigDecimal("1.23"));
    assertThat(((LongString) got.get("string")).toString()).isEqualTo("s");
    assertThat((byte[]) got.get("bytes")).containsExactly(1, 2);
    assertThat(got.get("time")).isEqualTo(new Date(1_600_000_000_000L));
    assertThat(got.get("void")).isNull();
  }

  @Test
  @SpecRule(section = "4.2.6", text = "a 2 MiB body crosses many frames")
  void largeBody() throws Exception {
    client.factory().setRequestedFrameMax(4096);
    Channel ch = client.channel();
    String q = ch.queueDeclare().getQueue();
    byte[] body = new byte[2 * 1024 * 1024];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i % 251);
    }
    ch.basicPublish("", q, null, body);
    BlockingQueue<Delivery> got = consume(ch, q, true);
    assertThat(next(got).getBody()).isEqualTo(body);
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "the RPC pattern with reply_to and correlation_id")
  void rpc() throws Exception {
    Channel server = client.channel();
    server.queueDeclare("interop.rpc", false, false, true, null);
    server.basicConsume(
        "interop.rpc",
        true,
        (tag, d) -> {
          AMQP.BasicProperties reply =
              new AMQP.BasicProperties.Builder()
                  .correlationId(d.getProperties().getCorrelationId())
                  .build();
          String answer = new String(d.getBody(), StandardCharsets.UTF_8).toUpperCase();
          server.basicPublish("", d.getProperties().getReplyTo(), reply, answer.getBytes());
        },
        tag -> {});
    Channel caller = client.channel();
    // The official client's default reply queue is direct reply-to (amq.rabbitmq.reply-to).
    RpcClient rpc =
        new RpcClient(
            new RpcClientParams()
                .channel(caller)
                .exchange("")
                .routingKey("interop.rpc")
                .timeout(5000));
    assertThat(rpc.stringCall("ping")).isEqualTo("PING");
    assertThat(rpc.stringCall("pong")).isEqualTo("PONG");
  }

  @Test
  @SpecRule(section = "1.8.3.1", text = "basic.qos prefetch limits unacked deliveries")
  void prefetchLimits() throws Exception {
    Channel ch = client.channel();
    ch.confirmSelect();
    String q = ch.queueDeclare().getQueue();
    for (int i = 0; i < 5; i++) {
      ch.basicPublish("", q, null, "m".getBytes());
    }
    ch.waitForConfirmsOrDie(5000);
    ch.basicQos(2);
    BlockingQueue<Delivery> got = consume(ch, q, false);
    next(got);
    next(got);
    assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(ch.messageCount(q)).isEqualTo(3);
  }
}
