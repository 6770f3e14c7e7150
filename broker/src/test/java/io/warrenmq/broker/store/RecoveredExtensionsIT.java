package io.warrenmq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message TTLs and priorities across a restart on the same data directory, as RabbitMQ keeps them:
 * an expiry is absolute (enqueue time plus TTL), so time spent down counts, and a priority queue's
 * recovered messages come out by priority.
 */
@Timeout(60)
class RecoveredExtensionsIT {
  @TempDir Path dataDir;
  private EmbeddedBroker broker;
  private Connection connection;

  private Channel start() throws Exception {
    broker = EmbeddedBroker.start(BrokerConfig.ephemeral().withDataDir(dataDir));
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    factory.setChannelRpcTimeout(10_000);
    connection = factory.newConnection();
    return connection.createChannel();
  }

  /** Stops the broker, stays down {@code downMillis}, starts it again on the same data. */
  private Channel restartAfter(long downMillis) throws Exception {
    stop();
    Thread.sleep(downMillis);
    return start();
  }

  @AfterEach
  void stop() {
    if (connection != null && connection.isOpen()) {
      try {
        connection.close(2000);
      } catch (Exception ignored) {
        // The broker may have closed it.
      }
    }
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  private static AMQP.BasicProperties persistent(Integer priority, String expiration) {
    return new AMQP.BasicProperties.Builder()
        .deliveryMode(2)
        .priority(priority)
        .expiration(expiration)
        .build();
  }

  private static void publish(
      Channel channel, String queue, AMQP.BasicProperties props, String body) throws Exception {
    channel.basicPublish("", queue, props, body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> drain(Channel channel, String queue) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (GetResponse response; (response = channel.basicGet(queue, true)) != null; ) {
      bodies.add(new String(response.getBody(), StandardCharsets.UTF_8));
    }
    return bodies;
  }

  /** A durable queue {@code name} with a dead-letter exchange feeding the durable queue "dead". */
  private static void declareWithDeadLetters(Channel channel, String name, Map<String, Object> args)
      throws Exception {
    channel.exchangeDeclare("dlx", BuiltinExchangeType.FANOUT, true);
    channel.queueDeclare("dead", true, false, false, null);
    channel.queueBind("dead", "dlx", "");
    Map<String, Object> all = new java.util.HashMap<>(args);
    all.put("x-dead-letter-exchange", "dlx");
    channel.queueDeclare(name, true, false, false, all);
  }

  /** Polls "dead" until a message arrives or {@code deadline} (epoch ms) passes. */
  private static GetResponse awaitDeadLetter(Channel channel, long deadline) throws Exception {
    while (true) {
      GetResponse response = channel.basicGet("dead", true);
      if (response != null || System.currentTimeMillis() > deadline) {
        return response;
      }
      Thread.sleep(20);
    }
  }

  @SuppressWarnings("unchecked")
  private static String deathReason(GetResponse response) {
    List<Object> deaths = (List<Object>) response.getProps().getHeaders().get("x-death");
    return ((Map<String, Object>) deaths.get(0)).get("reason").toString();
  }

  @Test
  void queueTtlThatPassedWhileDownExpiresAndIsDeadLettered() throws Exception {
    Channel channel = start();
    declareWithDeadLetters(channel, "ttl", Map.of("x-message-ttl", 1000));
    channel.confirmSelect();
    publish(channel, "ttl", persistent(null, null), "a");
    publish(channel, "ttl", persistent(null, null), "b");
    channel.waitForConfirmsOrDie(10_000);

    channel = restartAfter(1500);
    assertThat(channel.basicGet("ttl", true)).isNull();
    List<String> dead = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      GetResponse response = awaitDeadLetter(channel, System.currentTimeMillis() + 10_000);
      assertThat(response).isNotNull();
      assertThat(deathReason(response)).isEqualTo("expired");
      dead.add(new String(response.getBody(), StandardCharsets.UTF_8));
    }
    assertThat(dead).containsExactly("a", "b");
    assertThat(channel.queueDeclarePassive("ttl").getMessageCount()).isZero();
  }

  @Test
  void queueTtlWithTimeLeftExpiresWhenItWasDueNotATtlAfterTheRestart() throws Exception {
    long ttl = 6000;
    Channel channel = start();
    declareWithDeadLetters(channel, "ttl", Map.of("x-message-ttl", (int) ttl));
    channel.confirmSelect();
    long published = System.currentTimeMillis();
    publish(channel, "ttl", persistent(null, null), "later");
    channel.waitForConfirmsOrDie(10_000);

    channel = restartAfter(4000);
    long restarted = System.currentTimeMillis();
    assertThat(channel.queueDeclarePassive("ttl").getMessageCount()).isEqualTo(1);
    // Counted from the restart it would stay until restarted + ttl; it is due well before that.
    GetResponse response = awaitDeadLetter(channel, restarted + ttl - 1000);
    assertThat(response).isNotNull();
    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(published + ttl);
    assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("later");
    assertThat(deathReason(response)).isEqualTo("expired");
  }

  @Test
  void perMessageExpirationHoldsAcrossARestart() throws Exception {
    Channel channel = start();
    channel.queueDeclare("q", true, false, false, null);
    channel.confirmSelect();
    publish(channel, "q", persistent(null, "1000"), "short");
    publish(channel, "q", persistent(null, null), "kept");
    publish(channel, "q", persistent(null, "600000"), "long");
    channel.waitForConfirmsOrDie(10_000);

    channel = restartAfter(1500);
    assertThat(drain(channel, "q")).containsExactly("kept", "long");
  }

  @Test
  void priorityQueueDeliversRecoveredMessagesByPriority() throws Exception {
    Channel channel = start();
    channel.queueDeclare("prio", true, false, false, Map.of("x-max-priority", 10));
    channel.confirmSelect();
    publish(channel, "prio", persistent(1, null), "p1");
    publish(channel, "prio", persistent(5, null), "p5a");
    publish(channel, "prio", persistent(null, null), "none");
    publish(channel, "prio", persistent(9, null), "p9");
    publish(channel, "prio", persistent(5, null), "p5b");
    publish(channel, "prio", persistent(0, null), "p0");
    publish(channel, "prio", persistent(200, null), "p200");
    channel.waitForConfirmsOrDie(10_000);

    channel = restartAfter(0);
    // 200 is above the maximum and counts as 10; a message published after the restart joins its
    // priority behind the recovered ones.
    publish(channel, "prio", persistent(5, null), "p5c");
    assertThat(drain(channel, "prio"))
        .containsExactly("p200", "p9", "p5a", "p5b", "p5c", "p1", "none", "p0");
  }
}
