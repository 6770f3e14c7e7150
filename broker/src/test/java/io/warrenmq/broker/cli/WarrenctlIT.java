package io.warrenmq.broker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.access.Permissions;
import io.warrenmq.broker.cli.Ctl.Run;
import io.warrenmq.broker.queue.QueueSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each warrenctl command against an in-process broker, asserting rabbitmqctl's output shape
 * (informational line, tab-separated header and rows, {@code -q}, {@code --no-table-headers}) and
 * exit codes.
 */
@Timeout(60)
class WarrenctlIT {
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Run ctl(String... args) {
    return ctl(broker.managementPort(), args);
  }

  private static Run ctl(int port, String... args) {
    return Ctl.warrenctl(port).run(args);
  }

  private static void declare(String vhost, String queue) {
    broker
        .broker()
        .vhost(vhost)
        .declareQueue(new QueueSettings(queue, vhost, true, null, false, Map.of()));
  }

  @Test
  void addUserAndListUsers() {
    Run add = ctl("add_user", "alice", "secret");
    assertThat(add.exit()).isZero();
    assertThat(add.out())
        .startsWith("Adding user \"alice\" ...\nDone. Don't forget to grant the user permissions");
    assertThat(broker.broker().access().authenticate("alice", "secret")).isNotNull();

    Run again = ctl("add_user", "alice", "other");
    assertThat(again.exit()).isEqualTo(70);
    assertThat(again.err()).contains("User \"alice\" already exists");

    Run list = ctl("list_users");
    assertThat(list.lines()).first().isEqualTo("Listing users ...");
    assertThat(list.lines()).contains("user\ttags", "guest\t[administrator]", "alice\t[]");
    assertThat(ctl("-q", "list_users").lines()).first().isEqualTo("user\ttags");
    assertThat(ctl("-q", "--no-table-headers", "list_users").lines())
        .contains("guest\t[administrator]")
        .doesNotContain("user\ttags");
    assertThat(ctl("add_user", "only-name").exit()).isEqualTo(64);
  }

  @Test
  void deleteUser() {
    broker.broker().addUser("bob", "pw");
    Run delete = ctl("delete_user", "bob");
    assertThat(delete.exit()).isZero();
    assertThat(delete.out()).isEqualTo("Deleting user \"bob\" ...\n");
    assertThat(broker.broker().access().snapshot().users()).doesNotContainKey("bob");
    Run missing = ctl("delete_user", "bob");
    assertThat(missing.exit()).isEqualTo(67);
    assertThat(missing.err()).isEqualTo("Error:\nUser \"bob\" does not exist\n");
  }

  @Test
  void changePasswordAndSetUserTags() {
    broker.broker().addUser("carol", "old", "monitoring");
    assertThat(ctl("change_password", "carol", "new").exit()).isZero();
    assertThat(broker.broker().access().authenticate("carol", "new")).isNotNull();
    assertThat(broker.broker().access().authenticate("carol", "old")).isNull();
    assertThat(broker.broker().access().snapshot().users().get("carol").tags())
        .containsExactly("monitoring");

    Run tags = ctl("set_user_tags", "carol", "administrator", "management");
    assertThat(tags.exit()).isZero();
    assertThat(tags.out())
        .isEqualTo("Setting tags for user \"carol\" to [administrator, management] ...\n");
    assertThat(broker.broker().access().snapshot().users().get("carol").tags())
        .containsExactlyInAnyOrder("administrator", "management");
    assertThat(ctl("-q", "list_users").lines()).contains("carol\t[administrator, management]");
    assertThat(ctl("change_password", "nobody", "x").exit()).isEqualTo(67);
  }

  @Test
  void vhosts() {
    Run add = ctl("add_vhost", "tenant");
    assertThat(add.exit()).isZero();
    assertThat(add.out()).isEqualTo("Adding vhost \"tenant\" ...\n");
    assertThat(ctl("list_vhosts").lines()).contains("Listing vhosts ...", "name", "/", "tenant");
    Run delete = ctl("delete_vhost", "tenant");
    assertThat(delete.exit()).isZero();
    assertThat(broker.broker().vhosts()).doesNotContain("tenant");
    Run missing = ctl("delete_vhost", "tenant");
    assertThat(missing.exit()).isEqualTo(65);
    assertThat(missing.err()).contains("Virtual host 'tenant' does not exist");
  }

  @Test
  void permissions() {
    broker.broker().addVhost("perm");
    broker.broker().addUser("dave", "pw");
    Run set = ctl("set_permissions", "-p", "perm", "dave", "^dave-.*", ".*", "");
    assertThat(set.exit()).isZero();
    assertThat(set.out())
        .isEqualTo("Setting permissions for user \"dave\" in vhost \"perm\" ...\n");
    assertThat(broker.broker().access().permissions("dave", "perm"))
        .isEqualTo(Permissions.of("^dave-.*", ".*", ""));

    Run list = ctl("list_permissions", "-p", "perm");
    assertThat(list.lines())
        .containsExactly(
            "Listing permissions for vhost \"perm\" ...",
            "user\tconfigure\twrite\tread",
            "dave\t^dave-.*\t.*\t");
    assertThat(ctl("-q", "list_permissions").lines()).contains("guest\t.*\t.*\t.*");

    Run user = ctl("list_user_permissions", "dave");
    assertThat(user.lines())
        .containsExactly(
            "Listing permissions for user \"dave\" ...",
            "vhost\tconfigure\twrite\tread",
            "perm\t^dave-.*\t.*\t");

    Run clear = ctl("clear_permissions", "-p", "perm", "dave");
    assertThat(clear.exit()).isZero();
    assertThat(clear.out())
        .isEqualTo("Clearing permissions for user \"dave\" in vhost \"perm\" ...\n");
    assertThat(broker.broker().access().permissions("dave", "perm")).isNull();

    assertThat(ctl("set_permissions", "-p", "nope", "dave", ".*", ".*", ".*").exit()).isEqualTo(69);
    assertThat(ctl("set_permissions", "-p", "perm", "nobody", ".*", ".*", ".*").exit())
        .isEqualTo(67);
    assertThat(ctl("list_permissions", "-p", "nope").exit()).isEqualTo(65);
    assertThat(ctl("set_permissions", "dave", ".*").exit()).isEqualTo(64);
  }

  @Test
  void listQueuesPurgeAndDelete() throws Exception {
    broker.broker().addVhost("q");
    declare("q", "jobs");
    try (Connection connection = connect("q")) {
      Channel channel = connection.createChannel();
      channel.confirmSelect();
      channel.basicPublish("", "jobs", null, "a".getBytes());
      channel.basicPublish("", "jobs", null, "b".getBytes());
      channel.waitForConfirmsOrDie(5000);

      Run list = ctl("list_queues", "-p", "q");
      assertThat(list.lines())
          .containsExactly(
              "Timeout: 60.0 seconds ...",
              "Listing queues for vhost q ...",
              "name\tmessages",
              "jobs\t2");
      assertThat(
              ctl("-q", "list_queues", "-p", "q", "name", "messages", "consumers", "durable")
                  .lines())
          .containsExactly("name\tmessages\tconsumers\tdurable", "jobs\t2\t0\ttrue");
      Run bad = ctl("list_queues", "-p", "q", "bogus");
      assertThat(bad.exit()).isEqualTo(64);
      assertThat(bad.err()).contains("bogus");

      Run purge = ctl("purge_queue", "-p", "q", "jobs");
      assertThat(purge.exit()).isZero();
      assertThat(purge.out()).isEqualTo("Purging queue 'jobs' in vhost 'q' ...\n");
      assertThat(channel.messageCount("jobs")).isZero();
      assertThat(ctl("purge_queue", "-p", "q", "none").exit()).isEqualTo(69);

      channel.basicPublish("", "jobs", null, "c".getBytes());
      channel.waitForConfirmsOrDie(5000);
      Run delete = ctl("delete_queue", "-p", "q", "jobs");
      assertThat(delete.exit()).isZero();
      assertThat(delete.lines())
          .containsExactly(
              "Deleting queue 'jobs' on vhost 'q' ...",
              "Queue was successfully deleted with 1 messages");
      assertThat(broker.broker().vhost("q").findQueue("jobs")).isNull();
      assertThat(ctl("delete_queue", "-p", "q", "jobs").exit()).isEqualTo(64);
    }
  }

  @Test
  void listExchangesAndBindings() {
    broker.broker().addVhost("x");
    declare("x", "sink");
    var vhost = broker.broker().vhost("x");
    vhost.bindQueue(vhost.findQueue("sink"), "amq.topic", "a.#", Map.of());
    Run exchanges = ctl("list_exchanges", "-p", "x");
    assertThat(exchanges.lines())
        .startsWith("Listing exchanges for vhost x ...", "name\ttype")
        .contains("\tdirect", "amq.topic\ttopic", "amq.fanout\tfanout");
    assertThat(ctl("-q", "list_exchanges", "-p", "x", "name", "durable").lines())
        .contains("amq.direct\ttrue");
    Run bindings = ctl("list_bindings", "-p", "x");
    assertThat(bindings.lines())
        .containsExactly(
            "Listing bindings for vhost x...",
            "source_name\tsource_kind\tdestination_name\tdestination_kind\trouting_key\targuments",
            "\texchange\tsink\tqueue\tsink\t[]",
            "amq.topic\texchange\tsink\tqueue\ta.#\t[]");
  }

  @Test
  void listConnectionsChannelsAndConsumers() throws Exception {
    broker.broker().addVhost("c");
    declare("c", "work");
    try (Connection connection = connect("c")) {
      Channel channel = connection.createChannel();
      channel.basicQos(5);
      channel.basicConsume("work", false, "tag-1", (t, d) -> {}, t -> {});
      Run connections = ctl("list_connections");
      assertThat(connections.lines().get(0)).isEqualTo("Listing connections ...");
      assertThat(connections.lines().get(1)).isEqualTo("user\tpeer_host\tpeer_port\tstate");
      assertThat(connections.lines())
          .anyMatch(l -> l.matches("guest\t127\\.0\\.0\\.1\t\\d+\trunning"));
      assertThat(ctl("-q", "list_connections", "vhost", "channels").lines()).contains("c\t1");

      Run channels = ctl("-q", "list_channels", "user", "consumer_count", "prefetch_count");
      assertThat(channels.lines()).first().isEqualTo("user\tconsumer_count\tprefetch_count");
      assertThat(channels.lines()).contains("guest\t1\t5");
      assertThat(ctl("list_channels").lines())
          .contains("Listing channels ...", "pid\tuser\tconsumer_count\tmessages_unacknowledged");

      Run consumers = ctl("list_consumers", "-p", "c");
      assertThat(consumers.lines().get(0)).isEqualTo("Listing consumers in vhost c ...");
      assertThat(consumers.lines().get(1))
          .isEqualTo(
              "queue_name\tchannel_pid\tconsumer_tag\tack_required\tprefetch_count\tactive"
                  + "\targuments");
      assertThat(consumers.lines().get(2))
          .matches("work\t.+ \\(1\\)\ttag-1\ttrue\t5\ttrue\t\\[\\]");
    }
  }

  @Test
  void statusAndAwaitStartup() {
    Run status = ctl("status");
    assertThat(status.exit()).isZero();
    assertThat(status.lines().get(0)).matches("Status of node warren@.+ \\.\\.\\.");
    assertThat(status.out()).contains("Product name: WarrenMQ", "Memory high watermark: ");
    assertThat(ctl("await_startup").exit()).isZero();
  }

  @Test
  void unreachableBrokerAndUsageErrors() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run down = ctl(closedPort, "list_users");
    assertThat(down.exit()).isEqualTo(69);
    assertThat(down.err()).contains("Is it running");
    assertThat(ctl(closedPort, "-t", "1", "await_startup").exit()).isEqualTo(69);
    Run unknown = ctl("no_such_command");
    assertThat(unknown.exit()).isEqualTo(64);
    assertThat(unknown.err()).contains("Command 'no_such_command' not found");
    assertThat(ctl().exit()).isEqualTo(64);
    Run badLogin = ctl("--username", "guest", "--password", "wrong", "list_users");
    assertThat(badLogin.exit()).isEqualTo(70);
    assertThat(badLogin.err()).contains("Not authorised");
  }

  @Test
  void exportAndImportDefinitions(@TempDir Path dir) throws Exception {
    broker.broker().addVhost("defs");
    declare("defs", "kept");
    Path file = dir.resolve("defs.json");
    Run export = ctl("export_definitions", file.toString());
    assertThat(export.exit()).isZero();
    assertThat(export.out())
        .isEqualTo("Exporting definitions in JSON to a file at \"" + file + "\" ...\n");
    assertThat(Files.readString(file)).contains("\"name\":\"kept\"", "\"vhost\":\"defs\"");

    try (EmbeddedBroker other = EmbeddedBroker.start()) {
      Run imported = ctl(other.managementPort(), "import_definitions", file.toString());
      assertThat(imported.exit()).isZero();
      assertThat(imported.lines().get(0))
          .isEqualTo("Importing definitions in JSON from a file at \"" + file + "\" ...");
      assertThat(other.broker().vhost("defs").findQueue("kept")).isNotNull();
    }
    assertThat(ctl("import_definitions", dir.resolve("missing.json").toString()).exit())
        .isEqualTo(65);
  }

  @Test
  void stopStopsTheBroker() {
    EmbeddedBroker doomed = EmbeddedBroker.start(BrokerConfig.ephemeral());
    try {
      int port = doomed.managementPort();
      List<Boolean> stopped = new ArrayList<>();
      doomed.broker().onStopRequested(() -> stopped.add(true));
      Run stop = ctl(port, "stop");
      assertThat(stop.exit()).isZero();
      assertThat(stop.lines().get(0)).matches("Stopping and halting node warren@.+ \\.\\.\\.");
      assertThat(ctl(port, "status").exit()).isEqualTo(69);
    } finally {
      doomed.close();
    }
  }

  private static Connection connect(String vhost) throws Exception {
    broker.broker().setPermissions(vhost, "guest", ".*", ".*", ".*");
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setVirtualHost(vhost);
    factory.setAutomaticRecoveryEnabled(false);
    return factory.newConnection();
  }
}
