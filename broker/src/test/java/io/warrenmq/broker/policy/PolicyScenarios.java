package io.warrenmq.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.cli.Ctl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The observable behaviour of operator policies, run by {@link PolicyIT} against WarrenMQ with
 * warrenctl and by {@link RabbitMqPolicyIT} against the local RabbitMQ with rabbitmqctl: the same
 * commands, the same AMQP checks, so both brokers must agree. Each test waits until the control
 * tool reports the policy on the queue or exchange (the queue has then taken it) before publishing.
 */
@Timeout(60)
abstract class PolicyScenarios {
  private final List<String> policies = new ArrayList<>();
  private final List<String> queues = new ArrayList<>();
  private final List<String> exchanges = new ArrayList<>();
  private Connection connection;
  private Channel channel;

  /** The control tool for the broker under test. */
  abstract Ctl ctl();

  /** Connections to the broker under test, vhost "/". */
  abstract ConnectionFactory factory();

  @BeforeEach
  void connect() throws Exception {
    connection = factory().newConnection();
    channel = connection.createChannel();
    channel.confirmSelect();
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (String policy : policies) {
      ctl().run("clear_policy", policy);
    }
    try (Channel cleanup = connection.createChannel()) {
      for (String queue : queues) {
        cleanup.queueDelete(queue);
      }
      for (String exchange : exchanges) {
        cleanup.exchangeDelete(exchange);
      }
    }
    connection.close();
  }

  @Test
  void ttlPolicyExpiresMessagesPublishedAfterIt() throws Exception {
    String q = queue(null);
    publish(q, "before");
    setPolicy("ttl", "^" + q + "$", "queues", 0, "{\"message-ttl\":1}");
    awaitPolicy("list_queues", q, name("ttl"));
    publish(q, "after");
    Thread.sleep(50); // the TTL must pass; what is asserted is which message survives
    assertThat(body(channel.basicGet(q, true))).isEqualTo("before"); // enqueued without a TTL
    assertThat(channel.basicGet(q, true)).isNull();
  }

  @Test
  void maxLengthPolicyTrimsTheQueueAtOnce() throws Exception {
    String q = queue(null);
    publish(q, "m1", "m2", "m3");
    setPolicy("len", "^" + q + "$", "queues", 0, "{\"max-length\":1}");
    awaitPolicy("list_queues", q, name("len"));
    assertThat(count(q)).isEqualTo(1);
    assertThat(body(channel.basicGet(q, true))).isEqualTo("m3");
  }

  @Test
  void maxLengthPolicyWithRejectPublishNacks() throws Exception {
    String q = queue(null);
    setPolicy(
        "reject", "^" + q + "$", "queues", 0, "{\"max-length\":1,\"overflow\":\"reject-publish\"}");
    awaitPolicy("list_queues", q, name("reject"));
    channel.basicPublish("", q, null, "a".getBytes(StandardCharsets.UTF_8));
    assertThat(channel.waitForConfirms(10_000)).isTrue();
    channel.basicPublish("", q, null, "b".getBytes(StandardCharsets.UTF_8));
    assertThat(channel.waitForConfirms(10_000)).isFalse();
    assertThat(count(q)).isEqualTo(1);
  }

  @Test
  void deadLetterPolicyRoutesRejectedMessages() throws Exception {
    String q = queue(null);
    String dead = queue(null);
    setPolicy(
        "dlx",
        "^" + q + "$",
        "queues",
        0,
        "{\"dead-letter-exchange\":\"\",\"dead-letter-routing-key\":\"" + dead + "\"}");
    awaitPolicy("list_queues", q, name("dlx"));
    publish(q, "doomed");
    GetResponse got = channel.basicGet(q, false);
    channel.basicReject(got.getEnvelope().getDeliveryTag(), false);
    GetResponse deadLettered = awaitMessage(dead);
    assertThat(body(deadLettered)).isEqualTo("doomed");
    assertThat(deadLettered.getProps().getHeaders()).containsKey("x-death");
  }

  @Test
  void alternateExchangePolicyTakesUnroutableMessages() throws Exception {
    String exchange = exchange("direct");
    String alternate = exchange("fanout");
    String caught = queue(null);
    channel.queueBind(caught, alternate, "");
    setPolicy(
        "ae",
        "^" + exchange + "$",
        "exchanges",
        0,
        "{\"alternate-exchange\":\"" + alternate + "\"}");
    awaitPolicy("list_exchanges", exchange, name("ae"));
    channel.basicPublish(exchange, "nowhere", null, "stray".getBytes(StandardCharsets.UTF_8));
    channel.waitForConfirmsOrDie(10_000);
    assertThat(body(awaitMessage(caught))).isEqualTo("stray");
  }

  @Test
  void onlyTheHighestPriorityPolicyApplies() throws Exception {
    String q = queue(null);
    setPolicy("low", "^" + q + "$", "queues", 1, "{\"max-length\":1}");
    setPolicy("high", "^" + q + "$", "all", 2, "{\"max-length-bytes\":1000000}");
    awaitPolicy("list_queues", q, name("high"));
    publish(q, "m1", "m2", "m3");
    assertThat(count(q)).isEqualTo(3); // the low one's max-length is not merged in
  }

  @Test
  void lowerOfArgumentAndPolicyLimitWins() throws Exception {
    String argumentLower = queue(Map.of("x-max-length", 2));
    String policyLower = queue(Map.of("x-max-length", 5));
    setPolicy("five", "^" + argumentLower + "$", "queues", 0, "{\"max-length\":5}");
    setPolicy("two", "^" + policyLower + "$", "queues", 0, "{\"max-length\":2}");
    awaitPolicy("list_queues", argumentLower, name("five"));
    awaitPolicy("list_queues", policyLower, name("two"));
    publish(argumentLower, "m1", "m2", "m3", "m4");
    publish(policyLower, "m1", "m2", "m3", "m4");
    assertThat(count(argumentLower)).isEqualTo(2);
    assertThat(count(policyLower)).isEqualTo(2);
  }

  @Test
  void overflowArgumentWinsOverPolicy() throws Exception {
    String q = queue(Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
    setPolicy("drophead", "^" + q + "$", "queues", 0, "{\"overflow\":\"drop-head\"}");
    awaitPolicy("list_queues", q, name("drophead"));
    channel.basicPublish("", q, null, "a".getBytes(StandardCharsets.UTF_8));
    channel.basicPublish("", q, null, "b".getBytes(StandardCharsets.UTF_8));
    assertThat(channel.waitForConfirms(10_000)).isFalse();
    assertThat(body(channel.basicGet(q, true))).isEqualTo("a");
  }

  @Test
  void clearingThePolicyRestoresTheArguments() throws Exception {
    String q = queue(Map.of("x-max-length", 3));
    setPolicy("one", "^" + q + "$", "queues", 0, "{\"max-length\":1}");
    awaitPolicy("list_queues", q, name("one"));
    publish(q, "m1", "m2", "m3");
    assertThat(count(q)).isEqualTo(1);
    assertThat(ctl().run("clear_policy", name("one")).exit()).isZero();
    policies.remove(name("one"));
    awaitPolicy("list_queues", q, "");
    publish(q, "m4", "m5", "m6");
    assertThat(count(q)).isEqualTo(3);
  }

  // ---- helpers ----

  private final String prefix = "warren-pol-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private int serial;

  /** This test's name for a policy. */
  String name(String policy) {
    return prefix + policy;
  }

  void setPolicy(String policy, String pattern, String applyTo, int priority, String definition) {
    Ctl.Run run =
        ctl()
            .run(
                "set_policy",
                "--priority",
                String.valueOf(priority),
                "--apply-to",
                applyTo,
                name(policy),
                pattern,
                definition);
    assertThat(run.exit()).as(run.err()).isZero();
    policies.add(name(policy));
  }

  /** Polls {@code list_queues}/{@code list_exchanges} until {@code object} shows {@code policy}. */
  void awaitPolicy(String command, String object, String policy) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    String last = null;
    while (System.nanoTime() < deadline) {
      for (String line : ctl().run(command, "-s", "name", "policy").out().split("\n")) {
        String[] columns = line.split("\t", -1);
        if (columns[0].equals(object)) {
          last = columns.length > 1 ? columns[1] : "";
          if (last.equals(policy)) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(object + " never showed policy '" + policy + "', last '" + last + "'");
  }

  String queue(Map<String, Object> arguments) throws Exception {
    String q = prefix + "q" + serial++;
    channel.queueDeclare(q, false, false, false, arguments);
    queues.add(q);
    return q;
  }

  String exchange(String type) throws Exception {
    String e = prefix + "x" + serial++;
    channel.exchangeDeclare(e, type);
    exchanges.add(e);
    return e;
  }

  void publish(String queue, String... bodies) throws Exception {
    for (String text : bodies) {
      channel.basicPublish("", queue, null, text.getBytes(StandardCharsets.UTF_8));
    }
    channel.waitForConfirms(10_000);
  }

  int count(String queue) throws Exception {
    return channel.queueDeclarePassive(queue).getMessageCount();
  }

  GetResponse awaitMessage(String queue) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      GetResponse got = channel.basicGet(queue, true);
      if (got != null) {
        return got;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("nothing arrived in " + queue);
  }

  static String body(GetResponse response) {
    assertThat(response).isNotNull();
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }
}
