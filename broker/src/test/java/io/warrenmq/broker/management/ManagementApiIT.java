package io.warrenmq.broker.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.management.Api.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The management HTTP API against an embedded broker with {@link HttpClient}: basic auth and tags,
 * vhost, user and permission administration used by the official Java client, queue listing with
 * counts, purge and delete.
 */
@Timeout(30)
class ManagementApiIT {
  private static final String GUEST = "guest:guest";
  private static EmbeddedBroker broker;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    broker.broker().addUser("watcher", "watcher-pw", "monitoring");
    broker.broker().addUser("plain", "plain-pw");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  static Reply call(String credentials, String method, String path, String body) throws Exception {
    return new Api(broker.managementPort(), credentials).call(method, path, body);
  }

  static Reply get(String path) throws Exception {
    return call(GUEST, "GET", path, null);
  }

  @Test
  void scriptedCallsGetTheirUnauthorizedWithoutABrowserChallenge() throws Exception {
    URI overview = URI.create("http://127.0.0.1:" + broker.managementPort() + "/api/overview");
    HttpResponse<String> plain =
        HTTP.send(HttpRequest.newBuilder(overview).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> scripted =
        HTTP.send(
            HttpRequest.newBuilder(overview).header("X-Requested-With", "XMLHttpRequest").build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(plain.statusCode()).isEqualTo(401);
    assertThat(plain.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(scripted.statusCode()).isEqualTo(401);
    assertThat(scripted.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void basicAuthAndTags() throws Exception {
    Reply anonymous = call(null, "GET", "/api/overview", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.object()).containsEntry("error", "not_authorised");
    assertThat(call("guest:wrong", "GET", "/api/overview", null).status()).isEqualTo(401);
    assertThat(call("nobody:x", "GET", "/api/overview", null).status()).isEqualTo(401);
    assertThat(call("plain:plain-pw", "GET", "/api/overview", null).status()).isEqualTo(401);

    Reply overview = get("/api/overview");
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.object()).containsEntry("product_name", "WarrenMQ");
    assertThat(overview.object()).containsKeys("product_version", "object_totals", "queue_totals");

    // monitoring: may read, may not change, may not list users
    assertThat(call("watcher:watcher-pw", "GET", "/api/queues", null).status()).isEqualTo(200);
    assertThat(call("watcher:watcher-pw", "PUT", "/api/vhosts/w", "{}").status()).isEqualTo(401);
    assertThat(call("watcher:watcher-pw", "GET", "/api/users", null).status()).isEqualTo(401);
    assertThat(broker.broker().vhosts()).doesNotContain("w");
  }

  @Test
  void vhostUserAndPermissionsCreatedOverHttpLetTheJavaClientIn() throws Exception {
    assertThat(call(GUEST, "PUT", "/api/vhosts/ops", null).status()).isEqualTo(201);
    assertThat(call(GUEST, "PUT", "/api/vhosts/ops", null).status()).isEqualTo(204);
    assertThat(
            call(GUEST, "PUT", "/api/users/ops-user", "{\"password\":\"s3cret\",\"tags\":\"\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            call(
                    GUEST,
                    "PUT",
                    "/api/permissions/ops/ops-user",
                    "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}")
                .status())
        .isEqualTo(201);

    assertThat(get("/api/vhosts").list()).extracting(v -> v.get("name")).contains("/", "ops");
    assertThat(get("/api/users").list())
        .filteredOn(u -> u.get("name").equals("ops-user"))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.get("tags")).isEqualTo(List.of());
              assertThat(u).containsEntry("hashing_algorithm", "rabbit_password_hashing_sha256");
            });
    assertThat(get("/api/permissions").list())
        .contains(
            Map.of(
                "user",
                "ops-user",
                "vhost",
                "ops",
                "configure",
                ".*",
                "write",
                ".*",
                "read",
                ".*"));

    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setUsername("ops-user");
    factory.setPassword("s3cret");
    factory.setVirtualHost("ops");
    factory.setAutomaticRecoveryEnabled(false);
    try (Connection connection = factory.newConnection()) {
      Channel channel = connection.createChannel();
      channel.queueDeclare("work", true, false, false, Map.of("x-max-length", 100));
      channel.confirmSelect();
      for (int i = 0; i < 3; i++) {
        channel.basicPublish("", "work", null, ("m" + i).getBytes(StandardCharsets.UTF_8));
      }
      channel.waitForConfirmsOrDie(5000);

      Reply queues = get("/api/queues/ops");
      assertThat(queues.status()).isEqualTo(200);
      assertThat(queues.list())
          .singleElement()
          .satisfies(
              q -> {
                assertThat(q).containsEntry("name", "work").containsEntry("vhost", "ops");
                assertThat(q).containsEntry("durable", true).containsEntry("exclusive", false);
                assertThat(q).containsEntry("auto_delete", false);
                assertThat(q).containsEntry("messages", 3L).containsEntry("consumers", 0L);
                assertThat(q.get("arguments")).isEqualTo(Map.of("x-max-length", 100L));
              });
      assertThat(get("/api/queues").list()).extracting(q -> q.get("name")).contains("work");
      Map<String, Object> totals = castMap(get("/api/overview").object().get("queue_totals"));
      assertThat((Long) totals.get("messages_ready")).isGreaterThanOrEqualTo(3L);

      assertThat(call(GUEST, "DELETE", "/api/queues/ops/work/contents", null).status())
          .isEqualTo(204);
      assertThat(get("/api/queues/ops/work").object()).containsEntry("messages", 0L);
      assertThat(channel.queueDeclarePassive("work").getMessageCount()).isZero();

      assertThat(call(GUEST, "DELETE", "/api/queues/ops/work", null).status()).isEqualTo(204);
      assertThat(get("/api/queues/ops/work").status()).isEqualTo(404);
      assertThat(get("/api/queues/ops").list()).isEmpty();
    }

    assertThat(call(GUEST, "DELETE", "/api/permissions/ops/ops-user", null).status())
        .isEqualTo(204);
    assertThat(call(GUEST, "DELETE", "/api/users/ops-user", null).status()).isEqualTo(204);
    assertThat(call(GUEST, "DELETE", "/api/vhosts/ops", null).status()).isEqualTo(204);
    assertThat(broker.broker().vhosts()).doesNotContain("ops");
  }

  @Test
  void percentEncodedDefaultVhost() throws Exception {
    broker
        .broker()
        .vhost("/")
        .declareQueue(
            new io.warrenmq.broker.queue.QueueSettings(
                "in/root", "/", false, null, false, Map.of()));
    assertThat(get("/api/vhosts/%2F").object()).containsEntry("name", "/");
    assertThat(get("/api/queues/%2F/in%2Froot").object()).containsEntry("name", "in/root");
    assertThat(get("/api/permissions/%2F/guest").object()).containsEntry("configure", ".*");
    assertThat(call(GUEST, "DELETE", "/api/queues/%2F/in%2Froot", null).status()).isEqualTo(204);
  }

  @Test
  void errorsAsRabbitMqAnswersThem() throws Exception {
    Reply missing = call(GUEST, "DELETE", "/api/users/no-such-user", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.object()).containsEntry("error", "Object Not Found");
    assertThat(get("/api/queues/no-such-vhost").status()).isEqualTo(404);
    assertThat(call(GUEST, "DELETE", "/api/vhosts/no-such-vhost", null).status()).isEqualTo(404);
    assertThat(get("/api/nothing-here").status()).isEqualTo(404);

    Reply badJson = call(GUEST, "PUT", "/api/users/x", "{\"password\":");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.object()).containsKeys("error", "reason");
    assertThat(call(GUEST, "PUT", "/api/users/x", "{\"tags\":\"administrator\"}").status())
        .isEqualTo(400);
    assertThat(
            call(GUEST, "PUT", "/api/permissions/%2F/guest", "{\"configure\":\"(\",\"write\":\"\"}")
                .status())
        .isEqualTo(400);
    assertThat(broker.broker().users()).extracting(u -> u.name()).doesNotContain("x");
  }

  @Test
  void disabledWithPortMinusOne() {
    try (EmbeddedBroker off =
        EmbeddedBroker.start(io.warrenmq.broker.BrokerConfig.ephemeral().withManagementPort(-1))) {
      assertThat(off.broker().managementAddress()).isNull();
      org.assertj.core.api.Assertions.assertThatThrownBy(off::managementPort)
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
