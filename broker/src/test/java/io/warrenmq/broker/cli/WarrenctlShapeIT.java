package io.warrenmq.broker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.cli.Ctl.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Output details where rabbitmqctl 3.10 differs by command, recorded against the local RabbitMQ:
 * which errors carry the "Error:" line, quoting of missing names, empty lists, exit codes.
 */
@Timeout(60)
class WarrenctlShapeIT {
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    broker.broker().addVhost("empty");
    broker.broker().addUser("u1", "pw");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Run ctl(String... args) {
    return Ctl.warrenctl(broker.managementPort()).run(args);
  }

  @Test
  void permissionCommandsNameMissingUsersAndVhostsUnquoted() {
    Run noUser = ctl("set_permissions", "nobody", "a", "b", "c");
    assertThat(noUser.exit()).isEqualTo(67);
    assertThat(noUser.err()).isEqualTo("Error:\nUser nobody does not exist\n");
    Run noVhost = ctl("clear_permissions", "-p", "nov", "u1");
    assertThat(noVhost.exit()).isEqualTo(69);
    assertThat(noVhost.err()).isEqualTo("Error:\nVirtual host nov does not exist\n");
    Run listNoUser = ctl("list_user_permissions", "nobody");
    assertThat(listNoUser.exit()).isEqualTo(69);
    assertThat(listNoUser.err()).isEqualTo("Error:\n{:no_such_user, \"nobody\"}\n");
  }

  @Test
  void listingOrDeletingAMissingVhostExits65WithoutTheErrorLine() {
    Run list = ctl("list_permissions", "-p", "nov");
    assertThat(list.exit()).isEqualTo(65);
    assertThat(list.err()).isEqualTo("Virtual host 'nov' does not exist\n");
    assertThat(ctl("delete_vhost", "nov").err()).isEqualTo("Virtual host 'nov' does not exist\n");
  }

  @Test
  void emptyListsPrintNoHeader() {
    assertThat(ctl("list_permissions", "-p", "empty").out())
        .isEqualTo("Listing permissions for vhost \"empty\" ...\n\n");
    assertThat(ctl("list_queues", "-p", "empty").out())
        .isEqualTo("Timeout: 60.0 seconds ...\nListing queues for vhost empty ...\n");
    assertThat(ctl("list_bindings", "-p", "empty").out())
        .isEqualTo("Listing bindings for vhost empty...\n");
    Run missingVhost = ctl("list_queues", "-p", "nov");
    assertThat(missingVhost.exit()).isZero();
    assertThat(missingVhost.out())
        .isEqualTo("Timeout: 60.0 seconds ...\nListing queues for vhost nov ...\n");
  }

  @Test
  void argumentErrorsComeBeforeAnyOutput() {
    Run badColumn = ctl("list_queues", "bogus");
    assertThat(badColumn.exit()).isEqualTo(64);
    assertThat(badColumn.out()).isEmpty();
    assertThat(badColumn.err())
        .startsWith("Error (argument validation): Info key(s) bogus are not supported\n");
    Run noFile = ctl("import_definitions", "/nonexistent/defs.json");
    assertThat(noFile.exit()).isEqualTo(65);
    assertThat(noFile.out()).isEmpty();
    assertThat(noFile.err())
        .isEqualTo(
            "Error (argument validation): Bad argument: File /nonexistent/defs.json does not"
                + " exist\n");
  }

  @Test
  void missingQueuesAsRabbitmqctl() {
    Run purge = ctl("purge_queue", "-p", "empty", "nq");
    assertThat(purge.exit()).isEqualTo(69);
    assertThat(purge.err()).isEqualTo("Error:\nnot_found\n");
    Run delete = ctl("delete_queue", "-p", "empty", "nq");
    assertThat(delete.exit()).isEqualTo(64);
    assertThat(delete.err()).isEqualTo("Error:\nQueue not found\n");
  }
}
