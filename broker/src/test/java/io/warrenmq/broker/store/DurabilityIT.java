package io.warrenmq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Restarts an in-process broker on the same data directory with the official Java client. */
@Timeout(60)
class DurabilityIT {
  private static final AMQP.BasicProperties PERSISTENT = MessageProperties.PERSISTENT_BASIC;

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

  private Channel restart() throws Exception {
    stop();
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

  private static List<String> drain(Channel channel, String queue, List<Boolean> redelivered)
      throws IOException {
    List<String> bodies = new ArrayList<>();
    for (GetResponse response; (response = channel.basicGet(queue, true)) != null; ) {
      bodies.add(new String(response.getBody(), StandardCharsets.UTF_8));
      if (redelivered != null) {
        redelivered.add(response.getEnvelope().isRedeliver());
      }
    }
    return bodies;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void durableDefinitionsAndPersistentMessagesSurviveTransientOnesDoNot() throws Exception {
    Channel channel = start();
    channel.exchangeDeclare("dx", BuiltinExchangeType.DIRECT, true);
    channel.exchangeDeclare("tx", BuiltinExchangeType.FANOUT, false);
    channel.queueDeclare("dq", true, false, false, Map.of("x-max-length", 100_000));
    channel.queueDeclare("tq", false, false, false, null);
    channel.queueDeclare("excl", true, true, false, null);
    channel.queueBind("dq", "dx", "k");
    channel.queueBind("tq", "dx", "k");
    channel.queueBind("dq", "tx", "");
    channel.confirmSelect();
    for (int i = 0; i < 10_000; i++) {
      channel.basicPublish("dx", "k", PERSISTENT, bytes("p" + i));
      if (i % 1000 == 0) {
        channel.basicPublish("", "dq", MessageProperties.BASIC, bytes("transient" + i));
      }
    }
    channel.waitForConfirmsOrDie(30_000);

    channel = restart();
    List<String> durable = drain(channel, "dq", null);
    assertThat(durable).hasSize(10_000);
    for (int i = 0; i < durable.size(); i++) {
      assertThat(durable.get(i)).isEqualTo("p" + i);
    }
    assertThat(channel.queueDeclarePassive("dq").getQueue()).isEqualTo("dq");
    Channel probe = connection.createChannel();
    assertThatThrownBy(() -> probe.queueDeclarePassive("tq")).isInstanceOf(IOException.class);
    Channel probe2 = connection.createChannel();
    assertThatThrownBy(() -> probe2.queueDeclarePassive("excl")).isInstanceOf(IOException.class);
    Channel probe3 = connection.createChannel();
    assertThatThrownBy(() -> probe3.exchangeDeclarePassive("tx")).isInstanceOf(IOException.class);
    // The durable binding came back with its exchange; the queue's arguments too (equivalence).
    channel.queueDeclare("dq", true, false, false, Map.of("x-max-length", 100_000));
    channel.basicPublish("dx", "k", PERSISTENT, bytes("again"));
    assertThat(channel.basicGet("dq", true).getBody()).isEqualTo(bytes("again"));
  }

  @Test
  void ackedMessagesStayGoneUnackedComeBackRedeliveredInOrder() throws Exception {
    Channel channel = start();
    channel.queueDeclare("work", true, false, false, null);
    channel.confirmSelect();
    for (int i = 0; i < 10; i++) {
      channel.basicPublish("", "work", PERSISTENT, bytes("m" + i));
    }
    channel.waitForConfirmsOrDie(10_000);
    for (int i = 0; i < 6; i++) {
      GetResponse response = channel.basicGet("work", false);
      if (i % 2 == 0) {
        channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
      } // odd ones stay unacked until the broker stops
    }
    channel.basicNack(channel.basicGet("work", false).getEnvelope().getDeliveryTag(), false, false);
    channel.queuePurge("work"); // drops m7..m9 (m1, m3, m5 are unacked, not purged)

    channel = restart();
    List<Boolean> redelivered = new ArrayList<>();
    assertThat(drain(channel, "work", redelivered)).containsExactly("m1", "m3", "m5");
    assertThat(redelivered).containsOnly(true);

    channel = restart();
    assertThat(drain(channel, "work", null)).isEmpty(); // no-ack gets settle them too
  }

  @Test
  void messageRoutedToTwoDurableQueuesSurvivesInBoth() throws Exception {
    Channel channel = start();
    channel.exchangeDeclare("fan", BuiltinExchangeType.FANOUT, true);
    channel.queueDeclare("a", true, false, false, null);
    channel.queueDeclare("b", true, false, false, null);
    channel.queueDeclare("t", false, false, false, null);
    channel.queueBind("a", "fan", "");
    channel.queueBind("b", "fan", "");
    channel.queueBind("t", "fan", "");
    channel.confirmSelect();
    channel.basicPublish("fan", "", PERSISTENT, bytes("shared"));
    channel.waitForConfirmsOrDie(10_000);

    channel = restart();
    channel.queueDeclare("t", false, false, false, null);
    assertThat(drain(channel, "a", null)).containsExactly("shared");
    channel = restart();
    assertThat(drain(channel, "a", null)).isEmpty();
    assertThat(drain(channel, "b", null)).containsExactly("shared");
    Channel last = channel;
    last.basicPublish("fan", "", PERSISTENT, bytes("bound"));
    await(() -> last.messageCount("a") == 1);
  }

  @Test
  void committedTransactionSurvivesRolledBackDoesNot() throws Exception {
    Channel channel = start();
    channel.queueDeclare("txq", true, false, false, null);
    channel.txSelect();
    channel.basicPublish("", "txq", PERSISTENT, bytes("committed"));
    channel.txCommit();
    channel.basicPublish("", "txq", PERSISTENT, bytes("rolled back"));
    channel.txRollback();

    channel = restart();
    assertThat(drain(channel, "txq", null)).containsExactly("committed");
  }

  @Test
  void deletedQueueDoesNotComeBack() throws Exception {
    Channel channel = start();
    channel.queueDeclare("gone", true, false, false, null);
    channel.confirmSelect();
    channel.basicPublish("", "gone", PERSISTENT, bytes("x"));
    channel.waitForConfirmsOrDie(10_000);
    channel.queueDelete("gone");
    channel.queueDeclare("gone", true, false, false, null);

    channel = restart();
    assertThat(drain(channel, "gone", null)).isEmpty();
  }

  private static void await(ThrowingCondition condition) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 10 s");
      }
      Thread.sleep(5);
    }
  }

  private interface ThrowingCondition {
    boolean holds() throws Exception;
  }

  @Test
  void durableQueuesAndMessagesOfOtherVhostsSurviveRestart() throws Exception {
    start();
    broker.broker().addVhost("orders");
    broker.broker().setPermissions("orders", "guest", ".*", ".*", ".*");
    Channel channel = openIn("orders");
    channel.queueDeclare("in-orders", true, false, false, Map.of("x-queue-type", "classic"));
    channel.confirmSelect();
    channel.basicPublish("", "in-orders", PERSISTENT, bytes("kept"));
    channel.waitForConfirmsOrDie(10_000);

    restart();
    Channel after = openIn("orders");
    assertThat(after.queueDeclarePassive("in-orders").getMessageCount()).isEqualTo(1);
    assertThat(drain(after, "in-orders", null)).containsExactly("kept");
  }

  private Channel openIn(String vhost) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setVirtualHost(vhost);
    factory.setAutomaticRecoveryEnabled(false);
    connection.close(2000);
    connection = factory.newConnection();
    return connection.createChannel();
  }
}
