package io.warrenmq.broker.management;

import static io.warrenmq.broker.management.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.warrenmq.broker.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The management API's exchanges, bindings, publish and get, connections, channels, consumers,
 * nodes and health check, against an embedded broker with the official Java client as the AMQP
 * peer; field names as RabbitMQ's documentation lists them.
 */
@Timeout(60)
class ManagementObjectsIT {
  private static EmbeddedBroker broker;
  private static Api api;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    api = new Api(broker.managementPort(), "guest:guest");
    broker.broker().addUser("watcher", "watcher-pw", "monitoring");
    broker.broker().addUser("manager", "manager-pw", "management");
    broker.broker().addVhost("mine");
    broker.broker().setPermissions("mine", "manager", ".*", ".*", ".*");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Connection connect(String user, String password, String vhost) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setUsername(user);
    factory.setPassword(password);
    factory.setVirtualHost(vhost);
    factory.setAutomaticRecoveryEnabled(false);
    return factory.newConnection("it-" + user);
  }

  private static void await(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("condition within 10s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void publishAndGetOverHttp() throws Exception {
    assertThat(api.put("/api/queues/%2F/http-q", "{\"durable\":false}").status()).isEqualTo(201);
    assertThat(api.put("/api/queues/%2F/http-q", "{\"durable\":false}").status()).isEqualTo(204);
    Api.Reply published =
        api.post(
            "/api/exchanges/%2F/amq.default/publish",
            "{\"properties\":{\"content_type\":\"text/plain\",\"headers\":{\"h\":\"v\"}},"
                + "\"routing_key\":\"http-q\",\"payload\":\"hello\",\"payload_encoding\":\"string\"}");
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.object()).isEqualTo(Map.of("routed", true));
    assertThat(
            api.post(
                    "/api/exchanges/%2F/amq.default/publish",
                    "{\"properties\":{},\"routing_key\":\"nowhere\",\"payload\":\"x\","
                        + "\"payload_encoding\":\"string\"}")
                .object())
        .isEqualTo(Map.of("routed", false));
    api.post(
        "/api/exchanges/%2F/amq.default/publish",
        "{\"properties\":{},\"routing_key\":\"http-q\",\"payload\":\"AP8=\","
            + "\"payload_encoding\":\"base64\"}");

    String peek = "{\"count\":5,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}";
    List<Map<String, Object>> got = api.post("/api/queues/%2F/http-q/get", peek).list();
    assertThat(got).hasSize(2);
    assertThat(got.get(0))
        .containsEntry("payload", "hello")
        .containsEntry("payload_encoding", "string")
        .containsEntry("payload_bytes", 5L)
        .containsEntry("exchange", "")
        .containsEntry("routing_key", "http-q")
        .containsEntry("redelivered", false)
        .containsEntry("message_count", 1L);
    assertThat(map(got.get(0).get("properties")))
        .containsEntry("content_type", "text/plain")
        .containsEntry("headers", Map.of("h", "v"));
    assertThat(got.get(1))
        .containsEntry("payload", "AP8=")
        .containsEntry("payload_encoding", "base64");

    // Requeued: still there, now redelivered; then taken for good.
    String take = "{\"count\":1,\"ackmode\":\"ack_requeue_false\",\"encoding\":\"auto\"}";
    Map<String, Object> again = api.post("/api/queues/%2F/http-q/get", take).list().get(0);
    assertThat(again).containsEntry("payload", "hello").containsEntry("redelivered", true);
    assertThat(api.get("/api/queues/%2F/http-q").object()).containsEntry("messages", 1L);
    api.post("/api/queues/%2F/http-q/get", take);
    assertThat(api.post("/api/queues/%2F/http-q/get", take).list()).isEmpty();
    assertThat(
            api.post("/api/queues/%2F/http-q/get", "{\"count\":1,\"ackmode\":\"bogus\"}").status())
        .isEqualTo(400);
    assertThat(api.post("/api/queues/%2F/no-such/get", take).status()).isEqualTo(404);
    assertThat(api.delete("/api/queues/%2F/http-q").status()).isEqualTo(204);
  }

  @Test
  void exchangesAndBindings() throws Exception {
    String declare =
        "{\"type\":\"topic\",\"durable\":true,\"auto_delete\":false,\"internal\":false,"
            + "\"arguments\":{}}";
    assertThat(api.put("/api/exchanges/%2F/logs", declare).status()).isEqualTo(201);
    assertThat(api.put("/api/exchanges/%2F/logs", declare).status()).isEqualTo(204);
    Api.Reply inequivalent = api.put("/api/exchanges/%2F/logs", "{\"type\":\"fanout\"}");
    assertThat(inequivalent.status()).isEqualTo(400);
    assertThat((String) inequivalent.object().get("reason")).contains("inequivalent");
    assertThat(api.get("/api/exchanges/%2F/logs").object())
        .containsEntry("name", "logs")
        .containsEntry("vhost", "/")
        .containsEntry("type", "topic")
        .containsEntry("durable", true)
        .containsEntry("auto_delete", false)
        .containsEntry("internal", false)
        .containsEntry("arguments", Map.of());
    assertThat(api.get("/api/exchanges").list())
        .extracting(e -> e.get("name"))
        .contains("", "amq.direct", "amq.topic", "logs");
    assertThat(api.get("/api/exchanges/%2F").list())
        .extracting(e -> e.get("vhost"))
        .containsOnly("/");

    api.put("/api/queues/%2F/errors", "{\"durable\":true}");
    assertThat(
            api.post("/api/bindings/%2F/e/logs/q/errors", "{\"routing_key\":\"*.error\"}").status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/bindings/%2F/e/logs/q/errors",
                    "{\"routing_key\":\"x\",\"arguments\":{\"a\":1}}")
                .status())
        .isEqualTo(201);
    List<Map<String, Object>> between = api.get("/api/bindings/%2F/e/logs/q/errors").list();
    assertThat(between).hasSize(2);
    Map<String, Object> plain =
        between.stream().filter(b -> b.get("routing_key").equals("*.error")).findFirst().get();
    assertThat(plain)
        .containsEntry("source", "logs")
        .containsEntry("vhost", "/")
        .containsEntry("destination", "errors")
        .containsEntry("destination_type", "queue")
        .containsEntry("arguments", Map.of())
        .containsEntry("properties_key", "*.error");
    assertThat(api.get("/api/exchanges/%2F/logs/bindings/source").list()).hasSize(2);
    assertThat(api.get("/api/queues/%2F/errors/bindings").list())
        .extracting(b -> b.get("source"))
        .containsExactly("", "logs", "logs");
    assertThat(api.get("/api/bindings").list())
        .anySatisfy(b -> assertThat(b).containsEntry("source", "logs"));

    api.post(
        "/api/exchanges/%2F/logs/publish",
        "{\"properties\":{},\"routing_key\":\"app.error\",\"payload\":\"boom\","
            + "\"payload_encoding\":\"string\"}");
    assertThat(api.get("/api/queues/%2F/errors").object()).containsEntry("messages_ready", 1L);

    Map<String, Object> withArgs =
        between.stream().filter(b -> b.get("routing_key").equals("x")).findFirst().get();
    String key = Api.enc((String) withArgs.get("properties_key"));
    assertThat(api.get("/api/bindings/%2F/e/logs/q/errors/" + key).object())
        .containsEntry("arguments", Map.of("a", 1L));
    assertThat(api.delete("/api/bindings/%2F/e/logs/q/errors/" + key).status()).isEqualTo(204);
    assertThat(api.delete("/api/bindings/%2F/e/logs/q/errors/%2A.error").status()).isEqualTo(204);
    assertThat(api.get("/api/bindings/%2F/e/logs/q/errors").list()).isEmpty();
    assertThat(api.delete("/api/bindings/%2F/e/logs/q/errors/%2A.error").status()).isEqualTo(404);

    assertThat(api.delete("/api/exchanges/%2F/logs").status()).isEqualTo(204);
    assertThat(api.get("/api/exchanges/%2F/logs").status()).isEqualTo(404);
    assertThat(api.delete("/api/queues/%2F/errors").status()).isEqualTo(204);
  }

  @Test
  void connectionsChannelsConsumersAndUnackedCounts() throws Exception {
    Connection connection = connect("guest", "guest", "/");
    try {
      Channel channel = connection.createChannel();
      channel.queueDeclare("busy", false, false, true, null);
      for (int i = 0; i < 3; i++) {
        channel.basicPublish("", "busy", null, ("m" + i).getBytes(StandardCharsets.UTF_8));
      }
      channel.basicQos(2);
      CompletableFuture<Long> lastTag = new CompletableFuture<>();
      channel.basicConsume(
          "busy",
          false,
          "ctag-1",
          new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(
                String tag, Envelope envelope, AMQP.BasicProperties p, byte[] body) {
              if (envelope.getDeliveryTag() == 2) {
                lastTag.complete(2L);
              }
            }
          });
      lastTag.get(10, TimeUnit.SECONDS);

      Map<String, Object> queue = api.get("/api/queues/%2F/busy").object();
      assertThat(queue)
          .containsEntry("messages", 3L)
          .containsEntry("messages_ready", 1L)
          .containsEntry("messages_unacknowledged", 2L)
          .containsEntry("consumers", 1L);
      Map<String, Object> queueStats = map(queue.get("message_stats"));
      assertThat(queueStats).containsEntry("publish", 3L).containsEntry("deliver_get", 2L);
      assertThat(map(queueStats.get("deliver_get_details"))).containsKey("rate");

      List<Map<String, Object>> connections = api.get("/api/connections").list();
      Map<String, Object> mine =
          connections.stream()
              .filter(c -> map(c.get("client_properties")).get("connection_name") != null)
              .filter(
                  c -> map(c.get("client_properties")).get("connection_name").equals("it-guest"))
              .findFirst()
              .orElseThrow();
      assertThat(mine)
          .containsEntry("user", "guest")
          .containsEntry("vhost", "/")
          .containsEntry("channels", 1L)
          .containsEntry("protocol", "AMQP 0-9-1")
          .containsKeys("name", "node", "peer_host", "peer_port", "connected_at", "state");
      String name = (String) mine.get("name");
      assertThat(api.get("/api/connections/" + Api.enc(name)).object()).containsEntry("name", name);
      assertThat(api.get("/api/connections/" + Api.enc(name) + "/channels").list()).hasSize(1);

      Map<String, Object> ch =
          api.get("/api/channels").list().stream()
              .filter(c -> map(c.get("connection_details")).get("name").equals(name))
              .findFirst()
              .orElseThrow();
      assertThat(ch)
          .containsEntry("number", 1L)
          .containsEntry("consumer_count", 1L)
          .containsEntry("messages_unacknowledged", 2L)
          .containsEntry("prefetch_count", 2L);
      assertThat(api.get("/api/channels/" + Api.enc((String) ch.get("name"))).status())
          .isEqualTo(200);

      List<Map<String, Object>> consumers = api.get("/api/consumers/%2F").list();
      assertThat(consumers)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c).containsEntry("consumer_tag", "ctag-1");
                assertThat(c).containsEntry("ack_required", true);
                assertThat(map(c.get("queue"))).containsEntry("name", "busy");
                assertThat(map(c.get("channel_details"))).containsEntry("connection_name", name);
              });

      Map<String, Object> overview = api.get("/api/overview").object();
      Map<String, Object> totals = map(overview.get("object_totals"));
      assertThat((Long) totals.get("connections")).isGreaterThanOrEqualTo(1L);
      assertThat((Long) totals.get("channels")).isGreaterThanOrEqualTo(1L);
      assertThat((Long) totals.get("consumers")).isGreaterThanOrEqualTo(1L);
      assertThat((Long) totals.get("exchanges")).isGreaterThanOrEqualTo(6L);
      assertThat((Long) map(overview.get("queue_totals")).get("messages_unacknowledged"))
          .isGreaterThanOrEqualTo(2L);
      Map<String, Object> stats = map(overview.get("message_stats"));
      assertThat((Long) stats.get("publish")).isGreaterThanOrEqualTo(3L);
      assertThat((Long) stats.get("deliver_get")).isGreaterThanOrEqualTo(2L);
      assertThat(map(stats.get("publish_details"))).containsKey("rate");

      // DELETE closes it with 320 CONNECTION_FORCED.
      CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
      connection.addShutdownListener(closed::complete);
      assertThat(api.delete("/api/connections/" + Api.enc(name)).status()).isEqualTo(204);
      ShutdownSignalException signal = closed.get(10, TimeUnit.SECONDS);
      assertThat(((AMQP.Connection.Close) signal.getReason()).getReplyCode()).isEqualTo(320);
    } finally {
      connection.abort();
    }
    await(() -> broker.broker().vhost("/").findQueue("busy") == null);
  }

  @Test
  void deletingAUserClosesTheirConnections() throws Exception {
    broker.broker().addUser("leaving", "pw");
    broker.broker().setPermissions("/", "leaving", ".*", ".*", ".*");
    Connection connection = connect("leaving", "pw", "/");
    try {
      CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
      connection.addShutdownListener(closed::complete);
      assertThat(api.delete("/api/users/leaving").status()).isEqualTo(204);
      ShutdownSignalException signal = closed.get(10, TimeUnit.SECONDS);
      AMQP.Connection.Close close = (AMQP.Connection.Close) signal.getReason();
      assertThat(close.getReplyCode()).isEqualTo(320);
      assertThat(close.getReplyText()).startsWith("CONNECTION_FORCED");
    } finally {
      connection.abort();
    }
  }

  @Test
  void tagsDecideWhatEachUserSees() throws Exception {
    Api manager = api.as("manager:manager-pw");
    Api watcher = api.as("watcher:watcher-pw");
    broker.broker().vhost("mine").declareQueue(queueSettings("mine-q", "mine"));
    broker.broker().vhost("/").declareQueue(queueSettings("root-q", "/"));
    try (Connection root = connect("guest", "guest", "/");
        Connection own = connect("manager", "manager-pw", "mine")) {
      assertThat(manager.get("/api/queues").list())
          .extracting(q -> q.get("vhost"))
          .containsOnly("mine");
      assertThat(manager.get("/api/queues/%2F").status()).isEqualTo(401);
      assertThat(manager.get("/api/exchanges").list())
          .extracting(e -> e.get("vhost"))
          .containsOnly("mine");
      assertThat(manager.get("/api/connections").list())
          .extracting(c -> c.get("user"))
          .containsOnly("manager");
      assertThat(watcher.get("/api/connections").list())
          .extracting(c -> c.get("user"))
          .contains("guest", "manager");
      assertThat(watcher.get("/api/queues").list())
          .extracting(q -> q.get("name"))
          .contains("mine-q", "root-q");
      assertThat(watcher.post("/api/queues/%2F/root-q/get", "{}").status()).isEqualTo(401);
      assertThat(watcher.get("/api/definitions").status()).isEqualTo(401);
    }
    broker.broker().vhost("mine").findQueue("mine-q").forceDelete();
    broker.broker().vhost("mine").queueDeleted(broker.broker().vhost("mine").findQueue("mine-q"));
    broker.broker().vhost("/").queueDeleted(broker.broker().vhost("/").findQueue("root-q"));
  }

  private static io.warrenmq.broker.queue.QueueSettings queueSettings(String name, String vhost) {
    return new io.warrenmq.broker.queue.QueueSettings(name, vhost, false, null, false, Map.of());
  }

  @Test
  void nodesAndHealthcheck() throws Exception {
    List<Map<String, Object>> nodes = api.get("/api/nodes").list();
    assertThat(nodes)
        .singleElement()
        .satisfies(
            n ->
                assertThat(n)
                    .containsEntry("running", true)
                    .containsKeys("name", "mem_used", "mem_limit", "mem_alarm", "uptime"));
    String node = (String) nodes.get(0).get("name");
    assertThat(api.get("/api/nodes/" + Api.enc(node)).object()).containsEntry("name", node);
    assertThat(api.get("/api/healthchecks/node").object()).isEqualTo(Map.of("status", "ok"));
    assertThat(api.as("watcher:watcher-pw").get("/api/whoami").object())
        .isEqualTo(Map.of("name", "watcher", "tags", List.of("monitoring")));
  }
}
