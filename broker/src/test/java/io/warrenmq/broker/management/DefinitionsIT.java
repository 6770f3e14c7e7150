package io.warrenmq.broker.management;

import static io.warrenmq.broker.management.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.EmbeddedBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RabbitMQ's JSON definitions: a file exported by RabbitMQ 3.10 ({@code rabbitmqctl
 * export_definitions}, committed under {@code src/test/resources/definitions}, kept to the
 * fixture's vhost) and a live export of the local RabbitMQ import into WarrenMQ, users log in with
 * their RabbitMQ passwords, and our export imports back into a fresh broker unchanged.
 */
@Timeout(90)
class DefinitionsIT {
  private static final String FIXTURE = "/definitions/rabbitmq-3.10-definitions.json";

  private static String fixture() throws IOException {
    try (var in = DefinitionsIT.class.getResourceAsStream(FIXTURE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Connection connect(EmbeddedBroker broker, String user, String pw, String vhost)
      throws Exception {
    return factory(broker.port(), user, pw, vhost).newConnection();
  }

  private static ConnectionFactory factory(int port, String user, String pw, String vhost) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    factory.setUsername(user);
    factory.setPassword(pw);
    factory.setVirtualHost(vhost);
    factory.setAutomaticRecoveryEnabled(false);
    return factory;
  }

  @Test
  void committedRabbitMqExportImports() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      Api api = new Api(broker.managementPort(), "guest:guest");
      assertThat(api.post("/api/definitions", fixture()).status()).isEqualTo(204);

      assertThat(api.get("/api/users/fixture-user").object())
          .containsEntry("tags", List.of("management"));
      assertThat(api.get("/api/permissions/warrenmq-fixture/fixture-user").object())
          .containsEntry("configure", "^fixture-.*");
      assertThat(api.get("/api/queues/warrenmq-fixture/fixture-orders").object())
          .containsEntry("durable", true)
          .containsEntry("arguments", Map.of("x-max-length", 1000L, "x-queue-type", "classic"));
      assertThat(api.get("/api/exchanges/warrenmq-fixture/fixture-headers").object())
          .containsEntry("type", "headers")
          .containsEntry("arguments", Map.of("alternate-exchange", "fixture-audit"));

      // The password RabbitMQ hashed works here; the bindings route as they did there.
      try (Connection connection =
          connect(broker, "fixture-user", "fixture-pw", "warrenmq-fixture")) {
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        channel.basicPublish("fixture-events", "orders.new", null, "o1".getBytes());
        channel.basicPublish(
            "fixture-headers",
            "",
            new AMQP.BasicProperties.Builder().headers(Map.of("kind", "order")).build(),
            "o2".getBytes());
        channel.waitForConfirmsOrDie(5000);
        assertThat(channel.messageCount("fixture-orders")).isEqualTo(2);
        assertThat(channel.messageCount("fixture-audit-log")).isEqualTo(1);
      }
      exportImportsBackUnchanged(api);
    }
  }

  /** Our export into a fresh broker, exported again, is the same document. */
  @SuppressWarnings("unchecked")
  private static void exportImportsBackUnchanged(Api api) throws Exception {
    Api.Reply exported = api.get("/api/definitions");
    assertThat(exported.status()).isEqualTo(200);
    Map<String, Object> first = exported.object();
    assertThat(first)
        .containsKeys("users", "vhosts", "permissions", "queues", "exchanges", "bindings");
    assertThat((List<?>) first.get("users"))
        .anySatisfy(
            u ->
                assertThat(map(u))
                    .containsEntry("name", "fixture-user")
                    .containsEntry("hashing_algorithm", "rabbit_password_hashing_sha256")
                    .containsKey("password_hash"));
    try (EmbeddedBroker fresh = EmbeddedBroker.start()) {
      Api other = new Api(fresh.managementPort(), "guest:guest");
      assertThat(other.post("/api/definitions", JsonWriter.write(first)).status()).isEqualTo(204);
      Map<String, Object> second = other.get("/api/definitions").object();
      for (String key : List.of("users", "vhosts", "permissions", "queues", "exchanges")) {
        assertThat((List<Object>) second.get(key))
            .as(key)
            .containsExactlyInAnyOrderElementsOf((List<Object>) first.get(key));
      }
      assertThat((List<Object>) second.get("bindings"))
          .containsExactlyInAnyOrderElementsOf((List<Object>) first.get("bindings"));
    }
  }

  @Test
  void liveRabbitMqExportImports() throws Exception {
    assumeTrue(rabbitmqctl("-q", "status").exit() == 0, "no local RabbitMQ node");
    String id = UUID.randomUUID().toString().substring(0, 8);
    String vhost = "warren-defs-" + id;
    String user = "warren-defs-" + id;
    String export;
    try {
      run("add_vhost", vhost);
      run("add_user", user, "pw-" + id);
      run("set_user_tags", user, "monitoring");
      run("set_permissions", "-p", vhost, user, ".*", ".*", ".*");
      run("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
      try (Connection rabbit = factory(5672, "guest", "guest", vhost).newConnection()) {
        Channel channel = rabbit.createChannel();
        channel.exchangeDeclare("events", "direct", true);
        channel.queueDeclare("kept", true, false, false, Map.of("x-max-length", 10));
        channel.queueBind("kept", "events", "k");
      }
      Result result = rabbitmqctl("-q", "export_definitions", "-");
      assertThat(result.exit()).as(result.output()).isZero();
      export = result.output();
    } finally {
      rabbitmqctl("-q", "delete_vhost", vhost);
      rabbitmqctl("-q", "delete_user", user);
    }
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      Api api = new Api(broker.managementPort(), "guest:guest");
      // Other tests share that RabbitMQ: import only what this test made there.
      assertThat(api.post("/api/definitions", onlyVhost(export, vhost, user)).status())
          .isEqualTo(204);
      assertThat(api.get("/api/queues/" + vhost + "/kept").object())
          .containsEntry("arguments", Map.of("x-max-length", 10L));
      assertThat(api.get("/api/bindings/" + vhost + "/e/events/q/kept").list())
          .singleElement()
          .satisfies(b -> assertThat(b).containsEntry("routing_key", "k"));
      assertThat(api.as(user + ":pw-" + id).get("/api/overview").status()).isEqualTo(200);
      try (Connection connection = connect(broker, user, "pw-" + id, vhost)) {
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        channel.basicPublish("events", "k", null, "m".getBytes());
        channel.waitForConfirmsOrDie(5000);
        assertThat(channel.messageCount("kept")).isEqualTo(1);
      }
    }
  }

  /** The export's entries of {@code vhost} and {@code user}, as JSON. */
  @SuppressWarnings("unchecked")
  private static String onlyVhost(String export, String vhost, String user) {
    Map<String, Object> all = JsonReader.parseObject(export);
    Map<String, Object> out = new java.util.LinkedHashMap<>(all);
    out.put("users", filter(all.get("users"), u -> u.get("name").equals(user)));
    out.put("vhosts", filter(all.get("vhosts"), v -> v.get("name").equals(vhost)));
    for (String key : List.of("permissions", "queues", "exchanges", "bindings")) {
      out.put(key, filter(all.get(key), item -> item.get("vhost").equals(vhost)));
    }
    return JsonWriter.write(out);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> filter(
      Object list, java.util.function.Predicate<Map<String, Object>> keep) {
    List<Object> out = new ArrayList<>();
    for (Object item : (List<Object>) list) {
      if (keep.test((Map<String, Object>) item)) {
        out.add(item);
      }
    }
    return out;
  }

  private record Result(int exit, String output) {}

  private static void run(String... args) throws Exception {
    String[] quiet = new String[args.length + 1];
    quiet[0] = "-q";
    System.arraycopy(args, 0, quiet, 1, args.length);
    Result result = rabbitmqctl(quiet);
    assertThat(result.exit())
        .as("rabbitmqctl " + String.join(" ", args) + ": " + result.output())
        .isZero();
  }

  private static Result rabbitmqctl(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("rabbitmqctl");
    command.addAll(List.of(args));
    Path out = Files.createTempFile("rabbitmqctl", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(process.exitValue(), Files.readString(out));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
