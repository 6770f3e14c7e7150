package io.warrenmq.broker.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.access.TopicPermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Non-administrators acting over the API within their vhost permissions, checked as the AMQP
 * methods are (401 not_authorised with the AMQP text when refused); monitoring users read
 * everywhere but change nothing where they have no permissions; administrators do everything.
 */
@Timeout(60)
class ManagementPermissionsIT {
  private static final String VHOST = "mv";
  private static EmbeddedBroker broker;
  private static Api admin;
  private static Api mia;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedBroker.start();
    broker.broker().addVhost(VHOST);
    broker.broker().addUser("mia", "mia-pw", "management");
    broker.broker().setPermissions(VHOST, "mia", "^mia\\.", "^mia\\.", "^mia\\.");
    broker.broker().addUser("pol", "pol-pw", "policymaker");
    broker.broker().setPermissions(VHOST, "pol", ".*", ".*", ".*");
    broker.broker().addUser("mo", "mo-pw", "monitoring");
    broker.broker().addUser("plain", "plain-pw");
    broker.broker().setPermissions(VHOST, "plain", ".*", ".*", ".*");
    admin = new Api(broker.managementPort(), "guest:guest");
    mia = admin.as("mia:mia-pw");
    assertThat(admin.put("/api/queues/mv/guest.q", "{}").status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static void assertRefused(Api.Reply reply, String text) {
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.object())
        .containsEntry("error", "not_authorised")
        .containsEntry("reason", "ACCESS_REFUSED - " + text);
  }

  @Test
  void managementUserDeclaresAndDeletesWhereConfigureAllows() throws Exception {
    assertThat(mia.put("/api/queues/mv/mia.q1", "{}").status()).isEqualTo(201);
    assertRefused(
        mia.put("/api/queues/mv/other", "{}"),
        "access to queue 'other' in vhost 'mv' refused for user 'mia'");
    assertThat(mia.put("/api/exchanges/mv/mia.x1", "{\"type\":\"direct\"}").status())
        .isEqualTo(201);
    assertRefused(
        mia.put("/api/exchanges/mv/other.x", "{\"type\":\"direct\"}"),
        "access to exchange 'other.x' in vhost 'mv' refused for user 'mia'");
    assertRefused(
        mia.put(
            "/api/queues/mv/mia.dl", "{\"arguments\":{\"x-dead-letter-exchange\":\"amq.fanout\"}}"),
        "access to exchange 'amq.fanout' in vhost 'mv' refused for user 'mia'");
    assertRefused(
        mia.delete("/api/queues/mv/guest.q"),
        "access to queue 'guest.q' in vhost 'mv' refused for user 'mia'");
    assertThat(mia.delete("/api/exchanges/mv/mia.x1").status()).isEqualTo(204);
    assertThat(mia.delete("/api/queues/mv/mia.q1").status()).isEqualTo(204);
  }

  @Test
  void bindPublishGetAndPurgeAreCheckedAsTheirAmqpMethods() throws Exception {
    mia.put("/api/queues/mv/mia.q2", "{}");
    mia.put("/api/exchanges/mv/mia.t", "{\"type\":\"topic\"}");
    assertThat(mia.post("/api/bindings/mv/e/mia.t/q/mia.q2", "{\"routing_key\":\"ok.1\"}").status())
        .isEqualTo(201);
    assertRefused(
        mia.post("/api/bindings/mv/e/amq.direct/q/mia.q2", "{\"routing_key\":\"k\"}"),
        "access to exchange 'amq.direct' in vhost 'mv' refused for user 'mia'");
    String publish =
        "{\"routing_key\":\"ok.1\",\"payload\":\"hi\",\"payload_encoding\":\"string\","
            + "\"properties\":{}}";
    assertThat(mia.post("/api/exchanges/mv/mia.t/publish", publish).object())
        .containsEntry("routed", true);
    assertRefused(
        mia.post("/api/exchanges/mv/amq.default/publish", publish),
        "access to exchange 'amq.default' in vhost 'mv' refused for user 'mia'");
    String get = "{\"count\":1,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}";
    assertThat(mia.post("/api/queues/mv/mia.q2/get", get).list()).hasSize(1);
    assertRefused(
        mia.post("/api/queues/mv/guest.q/get", get),
        "access to queue 'guest.q' in vhost 'mv' refused for user 'mia'");
    assertThat(mia.delete("/api/queues/mv/mia.q2/contents").status()).isEqualTo(204);
    assertRefused(
        mia.delete("/api/queues/mv/guest.q/contents"),
        "access to queue 'guest.q' in vhost 'mv' refused for user 'mia'");
  }

  @Test
  void topicPermissionsApplyToApiPublishesAndBindings() throws Exception {
    mia.put("/api/queues/mv/mia.q3", "{}");
    mia.put("/api/exchanges/mv/mia.tt", "{\"type\":\"topic\"}");
    broker
        .broker()
        .access()
        .setTopicPermission("mia", VHOST, TopicPermission.of("mia.tt", "^{username}\\.", "^r"));
    String bad =
        "{\"routing_key\":\"bob.1\",\"payload\":\"\",\"payload_encoding\":\"string\",\"properties\":{}}";
    assertRefused(
        mia.post("/api/exchanges/mv/mia.tt/publish", bad),
        "access to topic 'bob.1' in exchange 'mia.tt' in vhost 'mv' refused for user 'mia'");
    assertThat(mia.post("/api/exchanges/mv/mia.tt/publish", bad.replace("bob.1", "mia.1")).status())
        .isEqualTo(200);
    assertRefused(
        mia.post("/api/bindings/mv/e/mia.tt/q/mia.q3", "{\"routing_key\":\"x\"}"),
        "access to topic 'x' in exchange 'mia.tt' in vhost 'mv' refused for user 'mia'");
    assertThat(mia.post("/api/bindings/mv/e/mia.tt/q/mia.q3", "{\"routing_key\":\"r1\"}").status())
        .isEqualTo(201);
  }

  @Test
  void policymakerActsLikeManagement() throws Exception {
    Api pol = admin.as("pol:pol-pw");
    assertThat(pol.put("/api/queues/mv/pol.q", "{}").status()).isEqualTo(201);
    assertThat(pol.get("/api/queues/mv/pol.q").status()).isEqualTo(200);
    assertThat(pol.put("/api/users/someone", "{\"password\":\"x\",\"tags\":\"\"}").status())
        .isEqualTo(401);
  }

  @Test
  void monitoringReadsEverywhereButChangesNothingWithoutPermissions() throws Exception {
    Api mo = admin.as("mo:mo-pw");
    assertThat(mo.get("/api/queues/mv").status()).isEqualTo(200);
    assertThat(mo.get("/api/queues/mv/guest.q").status()).isEqualTo(200);
    assertRefused(
        mo.put("/api/queues/mv/mo.q", "{}"),
        "access to queue 'mo.q' in vhost 'mv' refused for user 'mo'");
    assertRefused(
        mo.delete("/api/queues/mv/guest.q"),
        "access to queue 'guest.q' in vhost 'mv' refused for user 'mo'");
    assertThat(mo.put("/api/vhosts/new", "").status()).isEqualTo(401);
  }

  @Test
  void managementUserCannotAdministerOrActInOtherVhosts() throws Exception {
    assertThat(mia.put("/api/queues/%2F/mia.q", "{}").status()).isEqualTo(401);
    assertThat(mia.put("/api/vhosts/x", "").status()).isEqualTo(401);
    assertThat(
            mia.put(
                    "/api/permissions/mv/mia",
                    "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}")
                .status())
        .isEqualTo(401);
    assertThat(mia.post("/api/definitions", "{}").status()).isEqualTo(401);
    assertThat(admin.as("plain:plain-pw").put("/api/queues/mv/plain.q", "{}").status())
        .isEqualTo(401);
  }

  @Test
  void administratorActsEvenWithoutVhostPermissions() throws Exception {
    broker.broker().addVhost("nobodys");
    assertThat(admin.put("/api/queues/nobodys/q", "{}").status()).isEqualTo(201);
    assertThat(admin.delete("/api/queues/nobodys/q").status()).isEqualTo(204);
    assertThat(admin.get("/api/queues/nobodys").list()).isEmpty();
  }
}
