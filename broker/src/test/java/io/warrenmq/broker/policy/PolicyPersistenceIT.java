package io.warrenmq.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.cli.Ctl;
import io.warrenmq.broker.management.JsonReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * WarrenMQ's side of policies that RabbitMQ cannot be compared on here: they survive a restart
 * (definitions log), travel in definitions export/import, and show in the management API with
 * RabbitMQ's JSON and validation texts.
 */
@Timeout(60)
class PolicyPersistenceIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dataDir;

  @Test
  void aPolicySurvivesARestartAndAppliesToTheRestoredQueue() throws Exception {
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerConfig.ephemeral().withDataDir(dataDir))) {
      Ctl.Run run =
          Ctl.warrenctl(broker.managementPort())
              .run("set_policy", "--apply-to", "queues", "cap", "^capped$", "{\"max-length\":1}");
      assertThat(run.exit()).as(run.err()).isZero();
      try (Connection connection = connect(broker)) {
        connection.createChannel().queueDeclare("capped", true, false, false, null);
      }
    }
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerConfig.ephemeral().withDataDir(dataDir))) {
      assertThat(call(broker, "GET", "/api/policies/%2F/cap", null).body())
          .isEqualTo(
              "{\"vhost\":\"/\",\"name\":\"cap\",\"pattern\":\"^capped$\",\"apply-to\":\"queues\","
                  + "\"definition\":{\"max-length\":1},\"priority\":0}");
      Map<String, Object> queue = json(call(broker, "GET", "/api/queues/%2F/capped", null).body());
      assertThat(queue)
          .containsEntry("policy", "cap")
          .containsEntry("effective_policy_definition", Map.of("max-length", 1L));
      try (Connection connection = connect(broker)) {
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        for (String body : List.of("a", "b", "c")) {
          channel.basicPublish("", "capped", null, body.getBytes(StandardCharsets.UTF_8));
        }
        channel.waitForConfirmsOrDie(10_000);
        assertThat(channel.queueDeclarePassive("capped").getMessageCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void policiesTravelInDefinitionsExportAndImport() throws Exception {
    String exported;
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      assertThat(
              call(
                      broker,
                      "PUT",
                      "/api/policies/%2F/ae",
                      "{\"pattern\":\"^in\\\\.\",\"definition\":{\"alternate-exchange\":\"out\"},"
                          + "\"priority\":4,\"apply-to\":\"exchanges\"}")
                  .statusCode())
          .isEqualTo(201);
      exported = call(broker, "GET", "/api/definitions", null).body();
      assertThat(json(exported).get("policies"))
          .isEqualTo(
              List.of(
                  Map.of(
                      "vhost", "/",
                      "name", "ae",
                      "pattern", "^in\\.",
                      "apply-to", "exchanges",
                      "definition", Map.of("alternate-exchange", "out"),
                      "priority", 4L)));
    }
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      assertThat(call(broker, "POST", "/api/definitions", exported).statusCode()).isEqualTo(204);
      assertThat(json(call(broker, "GET", "/api/policies/%2F/ae", null).body()))
          .containsEntry("priority", 4L)
          .containsEntry("apply-to", "exchanges");
    }
  }

  @Test
  void theApiRefusesWhatRabbitMqRefusesWithItsTexts() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      HttpResponse<String> unknown =
          call(
              broker,
              "PUT",
              "/api/policies/%2F/bad",
              "{\"pattern\":\".*\",\"definition\":{\"max-priority\":3,\"bogus\":\"x\"}}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(json(unknown.body()).get("reason"))
          .isEqualTo(
              "Validation failed\n\n[{<<\"max-priority\">>,3},{<<\"bogus\">>,<<\"x\">>}]"
                  + " are not recognised policy settings\n");
      HttpResponse<String> negative =
          call(
              broker,
              "PUT",
              "/api/policies/%2F/bad",
              "{\"pattern\":\".*\",\"definition\":{\"message-ttl\":-1}}");
      assertThat(json(negative.body()).get("reason"))
          .isEqualTo("Validation failed\n\n-1 is not a valid message TTL\n");
      assertThat(call(broker, "DELETE", "/api/policies/%2F/bad", null).statusCode()).isEqualTo(404);
      assertThat(call(broker, "GET", "/api/policies/%2F", null).body()).isEqualTo("[]");
    }
  }

  private static Connection connect(EmbeddedBroker broker) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    return factory.newConnection();
  }

  private static HttpResponse<String> call(
      EmbeddedBroker broker, String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broker.managementPort() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("guest:guest".getBytes()))
            .header("Content-Type", "application/json")
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(String text) {
    return JsonReader.parseObject(text);
  }
}
