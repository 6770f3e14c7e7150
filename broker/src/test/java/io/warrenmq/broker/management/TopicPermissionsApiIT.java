package io.warrenmq.broker.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.access.TopicPermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /api/topic-permissions} and {@code topic_permissions} in definitions. */
@Timeout(60)
class TopicPermissionsApiIT {
  private static EmbeddedBroker broker;
  private static Api api;

  @BeforeAll
  static void start() {
    broker = EmbeddedBroker.start();
    broker.broker().addVhost("tv");
    broker.broker().addUser("tu", "tu-pw", "management");
    api = new Api(broker.managementPort(), "guest:guest");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void setListShowAndClear() throws Exception {
    String path = "/api/topic-permissions/tv/tu";
    assertThat(api.get(path).status()).isEqualTo(404);
    assertThat(
            api.put(path, "{\"exchange\":\"amq.topic\",\"write\":\"^a\",\"read\":\"^b\"}").status())
        .isEqualTo(201);
    assertThat(
            api.put(path, "{\"exchange\":\"amq.topic\",\"write\":\"^c\",\"read\":\"^b\"}").status())
        .isEqualTo(204);
    assertThat(api.get(path).list())
        .containsExactly(
            Map.of(
                "user", "tu", "vhost", "tv", "exchange", "amq.topic", "write", "^c", "read", "^b"));
    assertThat(api.get("/api/topic-permissions").list())
        .extracting(p -> p.get("exchange"))
        .contains("amq.topic");
    assertThat(api.delete(path).status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);
    assertThat(broker.broker().access().snapshot().topicPermissions("tu", "tv")).isEmpty();
  }

  @Test
  void rejectsBadBodiesMissingObjectsAndNonAdministrators() throws Exception {
    String path = "/api/topic-permissions/tv/tu";
    assertThat(api.put(path, "{\"write\":\"a\",\"read\":\"b\"}").status()).isEqualTo(400);
    assertThat(api.put(path, "{\"exchange\":\"x\",\"write\":\"(\",\"read\":\"b\"}").status())
        .isEqualTo(400);
    assertThat(api.get("/api/topic-permissions/nov/tu").status()).isEqualTo(404);
    assertThat(api.get("/api/topic-permissions/tv/nobody").status()).isEqualTo(404);
    assertThat(api.as("tu:tu-pw").get("/api/topic-permissions").status()).isEqualTo(401);
  }

  @Test
  @SuppressWarnings("unchecked")
  void definitionsCarryTopicPermissions() throws Exception {
    broker.broker().addUser("td", "td-pw");
    broker
        .broker()
        .access()
        .setTopicPermission("td", "tv", TopicPermission.of("amq.topic", "{username}", "r"));
    Map<String, Object> exported = api.get("/api/definitions").object();
    assertThat((List<Object>) exported.get("topic_permissions"))
        .contains(
            Map.of(
                "user",
                "td",
                "vhost",
                "tv",
                "exchange",
                "amq.topic",
                "write",
                "{username}",
                "read",
                "r"));
    try (EmbeddedBroker fresh = EmbeddedBroker.start()) {
      Api other = new Api(fresh.managementPort(), "guest:guest");
      assertThat(other.post("/api/definitions", JsonWriter.write(exported)).status())
          .isEqualTo(204);
      assertThat(fresh.broker().access().snapshot().topicPermissions("td", "tv"))
          .containsEntry("amq.topic", TopicPermission.of("amq.topic", "{username}", "r"));
    }
  }
}
