package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.access.TopicPermission;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topic permissions through the official Java client: the write expression on publishes to a topic
 * exchange, the read expression on queue and exchange bindings from one, with {@code {username}}
 * and {@code {vhost}} expanded, each allowed and refused with RabbitMQ's 403 text.
 */
@Timeout(30)
class TopicPermissionsIT {
  private static final String VHOST = "topics";
  private static EmbeddedBroker broker;
  private Connection connection;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.start();
    broker.broker().addVhost(VHOST);
    broker.broker().addUser("tom", "tom-pw");
    broker.broker().setPermissions(VHOST, "tom", ".*", ".*", ".*");
    broker.broker().setPermissions(VHOST, "guest", ".*", ".*", ".*");
    broker
        .broker()
        .access()
        .setTopicPermission(
            "tom", VHOST, TopicPermission.of("amq.topic", "^w\\.{username}\\.", "^r\\.{vhost}$"));
    try (Connection admin = factory("guest", "guest").newConnection()) {
      admin.createChannel().exchangeDeclare("free", BuiltinExchangeType.TOPIC);
      admin.createChannel().exchangeDeclare("sink", BuiltinExchangeType.FANOUT);
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void close() throws IOException {
    if (connection != null && connection.isOpen()) {
      connection.close();
    }
  }

  private static ConnectionFactory factory(String user, String password) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setUsername(user);
    factory.setPassword(password);
    factory.setVirtualHost(VHOST);
    factory.setAutomaticRecoveryEnabled(false);
    factory.setChannelRpcTimeout(5000);
    return factory;
  }

  private Channel tom() throws Exception {
    connection = factory("tom", "tom-pw").newConnection();
    return connection.createChannel();
  }

  /** A publish is asynchronous: a round trip afterwards shows whether the channel was closed. */
  private static void publishAndSync(Channel channel, String exchange, String key)
      throws IOException {
    channel.basicPublish(exchange, key, null, new byte[0]);
    channel.queueDeclare();
  }

  private static String refused(String key, String exchange) {
    return "ACCESS_REFUSED - access to topic '"
        + key
        + "' in exchange '"
        + exchange
        + "' in vhost '"
        + VHOST
        + "' refused for user 'tom'";
  }

  @Test
  void publishMatchingTheExpandedWriteExpressionIsAllowed() throws Exception {
    Channel channel = tom();
    publishAndSync(channel, "amq.topic", "w.tom.x");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void publishNotMatchingIsRefusedWith403() throws Exception {
    Channel channel = tom();
    assertThatThrownBy(() -> publishAndSync(channel, "amq.topic", "w.bob.x"))
        .hasStackTraceContaining("reply-code=403")
        .hasStackTraceContaining(refused("w.bob.x", "amq.topic"));
    assertThat(channel.isOpen()).isFalse();
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void exchangesWithoutTopicPermissionsAndNonTopicExchangesAreNotChecked() throws Exception {
    Channel channel = tom();
    publishAndSync(channel, "free", "anything");
    publishAndSync(channel, "amq.direct", "anything");
    channel.queueBind(channel.queueDeclare().getQueue(), "free", "anything");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void queueBindMatchingTheReadExpressionIsAllowedAndOthersRefused() throws Exception {
    Channel channel = tom();
    String queue = channel.queueDeclare().getQueue();
    channel.queueBind(queue, "amq.topic", "r." + VHOST);
    channel.queueUnbind(queue, "amq.topic", "r." + VHOST);
    assertThatThrownBy(() -> channel.queueBind(queue, "amq.topic", "r.other"))
        .hasStackTraceContaining("reply-code=403")
        .hasStackTraceContaining(refused("r.other", "amq.topic"));
  }

  @Test
  void queueUnbindIsCheckedToo() throws Exception {
    Channel channel = tom();
    String queue = channel.queueDeclare().getQueue();
    assertThatThrownBy(() -> channel.queueUnbind(queue, "amq.topic", "x"))
        .hasStackTraceContaining(refused("x", "amq.topic"));
  }

  @Test
  void exchangeBindFromATopicExchangeIsChecked() throws Exception {
    Channel channel = tom();
    channel.exchangeBind("sink", "amq.topic", "r." + VHOST);
    assertThatThrownBy(() -> channel.exchangeBind("sink", "amq.topic", "nope"))
        .hasStackTraceContaining(refused("nope", "amq.topic"));
  }

  @Test
  void clearingTheTopicPermissionAllowsEverything() throws Exception {
    broker.broker().addUser("tess", "tess-pw");
    broker.broker().setPermissions(VHOST, "tess", ".*", ".*", ".*");
    broker.broker().access().setTopicPermission("tess", VHOST, TopicPermission.of("free", "", ""));
    connection = factory("tess", "tess-pw").newConnection();
    Channel refusedChannel = connection.createChannel();
    assertThatThrownBy(() -> publishAndSync(refusedChannel, "free", "k"))
        .hasStackTraceContaining("reply-code=403");
    broker.broker().access().clearTopicPermissions("tess", VHOST, "free");
    Channel channel = connection.createChannel();
    publishAndSync(channel, "free", "k");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void topicPermissionsSurviveARestart(@TempDir Path dataDir) throws Exception {
    BrokerConfig config = BrokerConfig.ephemeral().withDataDir(dataDir);
    try (EmbeddedBroker first = EmbeddedBroker.start(config)) {
      first.broker().addUser("sam", "pw");
      first
          .broker()
          .access()
          .setTopicPermission("sam", "/", TopicPermission.of("amq.topic", "a", "b"));
    }
    try (EmbeddedBroker second = EmbeddedBroker.start(config)) {
      assertThat(second.broker().access().snapshot().topicPermissions("sam", "/"))
          .containsEntry("amq.topic", TopicPermission.of("amq.topic", "a", "b"));
    }
  }
}
