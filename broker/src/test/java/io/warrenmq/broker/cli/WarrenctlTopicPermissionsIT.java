package io.warrenmq.broker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.cli.Ctl.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * warrenctl's topic permission commands, asserting the output rabbitmqctl 3.10 prints for the same
 * commands (recorded against the local RabbitMQ), exit codes included.
 */
@Timeout(60)
class WarrenctlTopicPermissionsIT {
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    broker.broker().addUser("tp", "tp-pw");
    broker.broker().addVhost("tv");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Run ctl(String... args) {
    return Ctl.warrenctl(broker.managementPort()).run(args);
  }

  @Test
  void setListAndClear() {
    Run set = ctl("set_topic_permissions", "-p", "tv", "tp", "amq.topic", "^a\\.", "^r\\.");
    assertThat(set.exit()).isZero();
    assertThat(set.out())
        .isEqualTo(
            "Setting topic permissions on \"amq.topic\" for user \"tp\" in vhost \"tv\" ...\n");
    ctl("set_topic_permissions", "-p", "tv", "tp", "amq.direct", "x", "y");

    assertThat(ctl("list_topic_permissions", "-p", "tv").out())
        .isEqualTo(
            "Listing topic permissions for vhost \"tv\" ...\n"
                + "user\texchange\twrite\tread\n"
                + "tp\tamq.topic\t^a\\.\t^r\\.\n"
                + "tp\tamq.direct\tx\ty\n");
    // rabbitmqctl 3.10 prints this one without a header row.
    assertThat(ctl("list_user_topic_permissions", "tp").out())
        .isEqualTo(
            "Listing topic permissions for user \"tp\" ...\n"
                + "tv\tamq.topic\t^a\\.\t^r\\.\n"
                + "tv\tamq.direct\tx\ty\n");

    Run clearOne = ctl("clear_topic_permissions", "-p", "tv", "tp", "amq.topic");
    assertThat(clearOne.out())
        .isEqualTo(
            "Clearing topic permissions on \"amq.topic\" for user \"tp\" in vhost \"tv\" ...\n");
    assertThat(ctl("-q", "list_topic_permissions", "-p", "tv").out())
        .isEqualTo("user\texchange\twrite\tread\ntp\tamq.direct\tx\ty\n");

    Run clearAll = ctl("clear_topic_permissions", "-p", "tv", "tp");
    assertThat(clearAll.exit()).isZero();
    assertThat(clearAll.out())
        .isEqualTo("Clearing topic permissions for user \"tp\" in vhost \"tv\" ...\n");
    assertThat(ctl("list_topic_permissions", "-p", "tv").out())
        .isEqualTo("Listing topic permissions for vhost \"tv\" ...\n\n");
    assertThat(ctl("list_user_topic_permissions", "tp").out())
        .isEqualTo("Listing topic permissions for user \"tp\" ...\n\n");
  }

  @Test
  void missingUserOrVhostExitsAsRabbitmqctl() {
    Run noUser = ctl("set_topic_permissions", "nobody", "amq.topic", "a", "b");
    assertThat(noUser.exit()).isEqualTo(67);
    assertThat(noUser.err()).isEqualTo("Error:\nUser nobody does not exist\n");
    Run noVhost = ctl("set_topic_permissions", "-p", "nov", "tp", "amq.topic", "a", "b");
    assertThat(noVhost.exit()).isEqualTo(69);
    assertThat(noVhost.err()).isEqualTo("Error:\nVirtual host nov does not exist\n");
    assertThat(ctl("clear_topic_permissions", "nobody").exit()).isEqualTo(67);
    assertThat(ctl("list_topic_permissions", "-p", "nov").exit()).isEqualTo(65);
    Run listNoUser = ctl("list_user_topic_permissions", "nobody");
    assertThat(listNoUser.exit()).isEqualTo(69);
    assertThat(listNoUser.err()).isEqualTo("Error:\n{:no_such_user, \"nobody\"}\n");
    assertThat(ctl("set_topic_permissions", "tp", "amq.topic", "a").exit()).isEqualTo(64);
  }
}
