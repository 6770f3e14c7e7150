package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import io.warrenmq.model.Method;
import io.warrenmq.model.ProtocolHeader;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.Queue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WarrenBrokerExtension.class)
@Timeout(30)
class ConnectionIT extends BrokerTestSupport {

  ConnectionIT(EmbeddedBroker broker) {
    super(broker);
  }

  @Test
  void serverPropertiesAdvertiseCapabilities() {
    Map<String, Object> props = connection.getServerProperties();
    assertThat(props.get("product").toString()).isEqualTo("WarrenMQ");
    @SuppressWarnings("unchecked")
    Map<String, Object> capabilities = (Map<String, Object>) props.get("capabilities");
    assertThat(capabilities)
        .containsEntry("publisher_confirms", true)
        .containsEntry("basic.nack", true)
        .containsEntry("consumer_cancel_notify", true)
        .containsEntry("authentication_failure_close", true)
        .containsEntry("exchange_exchange_bindings", true)
        .containsEntry("per_consumer_qos", true);
    assertThat(connection.getFrameMax()).isEqualTo(131072);
    assertThat(connection.getChannelMax()).isEqualTo(2047);
  }

  @Test
  void wrongPasswordIsRefusedWith403() {
    ConnectionFactory factory = factory();
    factory.setPassword("wrong");
    assertThatThrownBy(factory::newConnection).isInstanceOf(AuthenticationFailureException.class);
  }

  @Test
  void amqplainLoginWorks() throws Exception {
    ConnectionFactory factory = factory();
    factory.setSaslConfig(
        (String[] mechanisms) ->
            new com.rabbitmq.client.SaslMechanism() {
              @Override
              public String getName() {
                return "AMQPLAIN";
              }

              @Override
              public com.rabbitmq.client.LongString handleChallenge(
                  com.rabbitmq.client.LongString challenge, String user, String password) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try {
                  var out =
                      new com.rabbitmq.client.impl.ValueWriter(new java.io.DataOutputStream(bytes));
                  out.writeTable(Map.of("LOGIN", user, "PASSWORD", password));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
                byte[] table = bytes.toByteArray();
                return com.rabbitmq.client.impl.LongStringHelper.asLongString(
                    java.util.Arrays.copyOfRange(table, 4, table.length));
              }
            });
    try (var conn = factory.newConnection()) {
      assertThat(conn.isOpen()).isTrue();
    }
  }

  @Test
  void unknownVhostIsRefusedWith530() {
    ConnectionFactory factory = factory();
    factory.setVirtualHost("nowhere");
    assertThatThrownBy(factory::newConnection)
        .satisfies(e -> assertThat(replyCode(e)).isEqualTo(530));
  }

  @Test
  void wrongProtocolHeaderGetsTheSupportedOneBack() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      raw.sendBytes("GET / HTTP/1.1\r\n\r\n".getBytes());
      byte[] answer = raw.socket.getInputStream().readNBytes(8);
      assertThat(answer).isEqualTo(ProtocolHeader.bytes());
      assertThat(raw.closedByPeer()).isTrue();
    }
  }

  @Test
  void silentPeerIsDroppedAfterTheHandshakeTimeout() throws Exception {
    try (EmbeddedBroker quick =
            EmbeddedBroker.start(
                BrokerConfig.ephemeral().withHandshakeTimeout(Duration.ofMillis(200)));
        RawClient raw = new RawClient(quick.port())) {
      assertThat(raw.closedByPeer()).isTrue();
    }
  }

  @Test
  void methodOnUnopenedChannelClosesConnection504() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      raw.handshake();
      raw.send(5, new Queue.Declare("q", false, false, false, false, false, Map.of()));
      Method close = raw.readMethod();
      assertThat(close).isInstanceOf(Connection.Close.class);
      assertThat(((Connection.Close) close).replyCode()).isEqualTo(504);
    }
  }

  @Test
  void channelAboveChannelMaxClosesConnection530() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      raw.handshake();
      raw.send(3000, Channel.Open.INSTANCE);
      Method close = raw.readMethod();
      assertThat(((Connection.Close) close).replyCode()).isEqualTo(530);
    }
  }

  @Test
  void framesAfterChannelCloseAreDroppedUntilCloseOk() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      raw.handshake();
      raw.send(1, Channel.Open.INSTANCE);
      assertThat(raw.readMethod()).isInstanceOf(Channel.OpenOk.class);
      raw.send(1, new Queue.Declare("none", true, false, false, false, false, Map.of()));
      Channel.Close close = (Channel.Close) raw.readMethod();
      assertThat(close.replyCode()).isEqualTo(404);
      raw.send(1, new Queue.Declare("none", true, false, false, false, false, Map.of()));
      raw.send(1, Channel.CloseOk.INSTANCE);
      raw.send(1, Channel.Open.INSTANCE);
      assertThat(raw.readMethod()).isInstanceOf(Channel.OpenOk.class);
    }
  }

  @Test
  void clientCloseIsAnswered() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      raw.handshake();
      raw.send(0, new Connection.Close(200, "bye", 0, 0));
      assertThat(raw.readMethod()).isInstanceOf(Connection.CloseOk.class);
      assertThat(raw.closedByPeer()).isTrue();
    }
  }

  @Test
  void missedHeartbeatsCloseTheSocket() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      raw.sendBytes(ProtocolHeader.bytes());
      raw.readMethod();
      raw.send(
          0,
          new Connection.StartOk(
              Map.of(),
              "PLAIN",
              io.warrenmq.model.LongString.of("\u0000guest\u0000guest"),
              "en_US"));
      raw.readMethod();
      raw.send(0, new Connection.TuneOk(2047, 131072, 1));
      raw.send(0, new Connection.Open("/"));
      raw.readMethod();
      raw.socket.setSoTimeout(5000);
      assertThat(raw.closedByPeer()).isTrue();
    }
  }

  @Test
  void heartbeatsKeepAnIdleClientAlive() throws Exception {
    ConnectionFactory factory = factory();
    factory.setRequestedHeartbeat(1);
    try (var conn = factory.newConnection()) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000);
      while (System.nanoTime() < deadline) {
        assertThat(conn.isOpen()).isTrue();
        Thread.sleep(50);
      }
      assertThat(conn.createChannel().queueDeclare().getQueue()).isNotEmpty();
    }
  }

  @Test
  void stopClosesConnectionsWith320() throws Exception {
    EmbeddedBroker own = EmbeddedBroker.start();
    ConnectionFactory factory = factory();
    factory.setPort(own.port());
    var conn = factory.newConnection();
    CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
    conn.addShutdownListener(closed::complete);
    own.close();
    ShutdownSignalException signal = closed.get(5, TimeUnit.SECONDS);
    assertThat(((com.rabbitmq.client.AMQP.Connection.Close) signal.getReason()).getReplyCode())
        .isEqualTo(320);
  }
}
