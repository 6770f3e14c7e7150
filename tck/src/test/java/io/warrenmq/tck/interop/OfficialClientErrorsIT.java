package io.warrenmq.tck.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import io.warrenmq.tck.SpecRule;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official RabbitMQ Java client against WarrenMQ: error codes and what they close. */
@Tag("interop")
@ExtendWith(WarrenBrokerExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OfficialClientErrorsIT {
  private OfficialClient client;

  @BeforeEach
  void connect(EmbeddedBroker broker) {
    client = new OfficialClient(broker);
  }

  @AfterEach
  void close() {
    client.close();
  }

  /** The shutdown signal behind {@code e}: its reply code, and whether it closed the connection. */
  private static ShutdownSignalException signal(Throwable e) {
    Throwable t = e;
    while (t != null && !(t instanceof ShutdownSignalException)) {
      t = t.getCause();
    }
    assertThat(t).as("a shutdown signal in " + e).isNotNull();
    return (ShutdownSignalException) t;
  }

  private static void assertChannelError(Channel ch, int code, Throwable e) {
    ShutdownSignalException s = signal(e);
    assertThat(s.isHardError()).as("channel-level").isFalse();
    assertThat(((com.rabbitmq.client.AMQP.Channel.Close) s.getReason()).getReplyCode())
        .isEqualTo(code);
    assertThat(ch.isOpen()).isFalse();
    assertThat(ch.getConnection().isOpen()).isTrue();
  }

  private static void assertConnectionError(Connection c, int code, Throwable e) {
    ShutdownSignalException s = signal(e);
    assertThat(s.isHardError()).as("connection-level").isTrue();
    assertThat(((com.rabbitmq.client.AMQP.Connection.Close) s.getReason()).getReplyCode())
        .isEqualTo(code);
    assertThat(c.isOpen()).isFalse();
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "passive declare of a missing queue: channel 404")
  void notFound() throws Exception {
    Channel ch = client.channel();
    assertChannelError(ch, 404, catchThrowable(() -> ch.queueDeclarePassive("interop-missing")));
  }

  @Test
  @SpecRule(section = "1.8.3.7", text = "publish to a missing exchange: channel 404")
  void publishToMissingExchange() throws Exception {
    Channel ch = client.channel();
    ch.basicPublish("interop-no-exchange", "k", null, "m".getBytes());
    assertChannelError(ch, 404, catchThrowable(() -> ch.queueDeclare()));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "reserved queue name: channel 403")
  void accessRefused() throws Exception {
    Channel ch = client.channel();
    assertChannelError(
        ch, 403, catchThrowable(() -> ch.queueDeclare("amq.interop", false, false, false, null)));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "another connection's exclusive queue: channel 405")
  void resourceLocked() throws Exception {
    String q = client.channel().queueDeclare().getQueue();
    Channel other = client.channel();
    assertChannelError(
        other, 405, catchThrowable(() -> other.basicConsume(q, true, (t, d) -> {}, t -> {})));
  }

  @Test
  @SpecRule(section = "1.7.2.1", text = "inequivalent redeclare: channel 406")
  void preconditionFailed() throws Exception {
    Channel ch = client.channel();
    ch.queueDeclare("interop.inequivalent", false, false, true, null);
    assertChannelError(
        ch,
        406,
        catchThrowable(() -> ch.queueDeclare("interop.inequivalent", true, false, true, null)));
  }

  @Test
  @SpecRule(section = "1.8.3.13", text = "unknown delivery tag: channel 406")
  void unknownDeliveryTag() throws Exception {
    Channel ch = client.channel();
    ch.basicAck(12345, false);
    assertChannelError(ch, 406, catchThrowable(() -> ch.queueDeclare()));
  }

  @Test
  @SpecRule(section = "1.6.2.1", text = "unknown exchange type: connection 503")
  void commandInvalid() throws Exception {
    Channel ch = client.channel();
    assertConnectionError(
        ch.getConnection(), 503, catchThrowable(() -> ch.exchangeDeclare("interop.odd", "odd")));
  }

  @Test
  @SpecRule(section = "1.4.2.2", text = "wrong password: 403 and no connection")
  void wrongPassword() {
    client.factory().setPassword("wrong");
    assertThat(catchThrowable(client::connect)).isInstanceOf(AuthenticationFailureException.class);
  }

  @Test
  @SpecRule(section = "1.4.2.7", text = "unknown vhost: connection refused")
  void unknownVhost() {
    client.factory().setVirtualHost("interop-no-such-vhost");
    assertThat(catchThrowable(client::connect)).isNotNull();
  }

  @Test
  @SpecRule(section = "1.5", text = "a channel error leaves sibling channels usable")
  void siblingsSurvive() throws Exception {
    Connection c = client.connect();
    Channel bad = c.createChannel();
    Channel good = c.createChannel();
    catchThrowable(() -> bad.queueDeclarePassive("interop-missing-2"));
    assertThat(good.queueDeclare().getQueue()).startsWith("amq.gen-");
  }
}
