package io.warrenmq.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.cli.Ctl;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * warrenctl's policy commands print what rabbitmqctl 3.10 prints: the same command lines run
 * against WarrenMQ and the local RabbitMQ give the same exit codes, stdout and stderr (list output
 * kept to this test's policies). Skipped without rabbitmqctl; what it sets there it clears.
 */
@Timeout(120)
class PolicyCtlShapeIT {
  private static EmbeddedBroker broker;
  private final String name = "warren-shape-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() {
    assumeTrue(Ctl.rabbitmqctl().run("list_policies", "-q").exit() == 0, "no rabbitmqctl");
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void setListAndClearPrintAsRabbitmqctl() {
    try {
      same(
          "set_policy",
          "--priority",
          "3",
          "--apply-to",
          "queues",
          name,
          "^" + name + "\\.",
          "{\"max-length\":2,\"overflow\":\"reject-publish\"}");
      same("set_policy", name + "-b", "^b", "{\"dead-letter-exchange\":\"dlx\"}");
      sameListing();
      same("clear_policy", name + "-b");
      same("clear_policy", name + "-missing");
      same("clear_policy", name);
      same("list_policies", "-p", "no-such-vhost");
      same("set_policy", "-p", "no-such-vhost", name, "x", "{\"max-length\":1}");
    } finally {
      Ctl.rabbitmqctl().run("clear_policy", name);
      Ctl.rabbitmqctl().run("clear_policy", name + "-b");
    }
  }

  @Test
  void validationErrorsPrintAsRabbitmqctl() {
    same("set_policy", name, "x", "{\"message-ttl\":-1}");
    same("set_policy", name, "x", "{\"expires\":0}");
    same("set_policy", name, "x", "{\"max-length\":\"a\"}");
    same("set_policy", name, "x", "{\"overflow\":\"x\"}");
    same("set_policy", name, "x", "{\"bogus\":1,\"max-priority\":3}");
    same("set_policy", name, "x", "{}");
    same("set_policy", "--apply-to", "foo", name, "x", "{\"max-length\":1}");
    same("set_policy", name, "x", "notjson");
  }

  private void same(String... args) {
    Ctl.Run ours = Ctl.warrenctl(broker.managementPort()).run(args);
    Ctl.Run theirs = Ctl.rabbitmqctl().run(args);
    assertThat(ours).as(String.join(" ", args)).isEqualTo(theirs);
  }

  private void sameListing() {
    assertThat(listing(Ctl.warrenctl(broker.managementPort()).run("list_policies")))
        .isEqualTo(listing(Ctl.rabbitmqctl().run("list_policies")));
  }

  /** The informational and header lines, and this test's rows. */
  private String listing(Ctl.Run run) {
    return Arrays.stream(run.out().split("\n"))
        .filter(
            line -> line.startsWith("Listing") || line.startsWith("vhost\t") || line.contains(name))
        .collect(Collectors.joining("\n"));
  }
}
