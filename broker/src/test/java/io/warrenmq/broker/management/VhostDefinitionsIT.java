package io.warrenmq.broker.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.EmbeddedBroker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /api/definitions/{vhost}} and the exchanges' {@code message_stats}. */
@Timeout(60)
class VhostDefinitionsIT {
  private static EmbeddedBroker broker;
  private static Api api;

  @BeforeAll
  static void start() {
    broker = EmbeddedBroker.start();
    broker.broker().addVhost("src");
    broker.broker().addVhost("dst");
    api = new Api(broker.managementPort(), "guest:guest");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void exportsOneVhostWithoutVhostFieldsAndImportsIntoAnother() throws Exception {
    api.put("/api/exchanges/src/orders", "{\"type\":\"topic\"}");
    api.put("/api/queues/src/audit", "{\"arguments\":{\"x-max-length\":10}}");
    api.post("/api/bindings/src/e/orders/q/audit", "{\"routing_key\":\"o.#\"}");
    api.put("/api/queues/%2F/elsewhere", "{}");

    Map<String, Object> exported = api.get("/api/definitions/src").object();
    assertThat(exported)
        .containsKeys("rabbit_version", "parameters", "policies", "queues", "exchanges", "bindings")
        .doesNotContainKeys("users", "vhosts", "permissions");
    assertThat(exported.get("queues"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name",
                    "audit",
                    "durable",
                    true,
                    "auto_delete",
                    false,
                    "arguments",
                    Map.of("x-max-length", 10L))));
    assertThat((List<?>) exported.get("exchanges")).hasSize(1);
    assertThat(((List<?>) exported.get("bindings")).get(0).toString()).doesNotContain("vhost");

    assertThat(api.post("/api/definitions/dst", JsonWriter.write(exported)).status())
        .isEqualTo(204);
    assertThat(api.get("/api/queues/dst/audit").status()).isEqualTo(200);
    assertThat(api.get("/api/exchanges/dst/orders").status()).isEqualTo(200);
    assertThat(api.get("/api/bindings/dst/e/orders/q/audit").list())
        .extracting(b -> b.get("routing_key"))
        .containsExactly("o.#");
  }

  @Test
  void missingVhostIs404AndNonAdministratorsAre401() throws Exception {
    assertThat(api.get("/api/definitions/nope").status()).isEqualTo(404);
    broker.broker().addUser("mgr", "mgr-pw", "management");
    broker.broker().setPermissions("src", "mgr", ".*", ".*", ".*");
    assertThat(api.as("mgr:mgr-pw").get("/api/definitions/src").status()).isEqualTo(401);
  }

  @Test
  @SuppressWarnings("unchecked")
  void exchangesCountMessagesInAndRoutedOut() throws Exception {
    api.put("/api/exchanges/src/counted", "{\"type\":\"direct\"}");
    api.put("/api/queues/src/counted.q", "{}");
    api.post("/api/bindings/src/e/counted/q/counted.q", "{\"routing_key\":\"k\"}");
    String body =
        "{\"routing_key\":\"%s\",\"payload\":\"x\",\"payload_encoding\":\"string\","
            + "\"properties\":{}}";
    api.post("/api/exchanges/src/counted/publish", body.formatted("k"));
    api.post("/api/exchanges/src/counted/publish", body.formatted("nowhere"));
    Map<String, Object> stats =
        (Map<String, Object>) api.get("/api/exchanges/src/counted").object().get("message_stats");
    assertThat(stats)
        .containsEntry("publish_in", 2L)
        .containsEntry("publish_out", 1L)
        .containsKeys("publish_in_details", "publish_out_details");
    assertThat(api.get("/api/exchanges/src").list())
        .allSatisfy(e -> assertThat(e).containsKey("message_stats"));
  }
}
