package io.warrenmq.tck.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.warrenmq.client.AMQPConnectionError;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.PlainCredentials;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.tck.RawConnection;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Connection and authentication: handshake, negotiation, refusals. */
@Tck
@Tag("connection")
class ConnectionTck {
  /**
   * Set by the tck's in-process launcher to the vhost it created without permissions for guest, so
   * the 530 case runs in-process too (a URI run names its own with {@code tck.denied.vhost}).
   */
  static final String EMBEDDED_DENIED_VHOST = "tck.embedded.denied.vhost";

  @Test
  @SpecRule(section = "1.4.2.1", text = "connection.start carries server properties")
  void startAdvertisesProductAndCapabilities(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    assertThat(connection.isOpen()).isTrue();
    assertThat(connection.serverProperties()).containsKeys("product", "capabilities");
  }

  @Test
  @SpecRule(section = "rabbitmq", text = "capabilities table announces the RabbitMQ extensions")
  void capabilitiesIncludeRabbitExtensions(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    for (String capability :
        new String[] {
          "publisher_confirms",
          "basic.nack",
          "exchange_exchange_bindings",
          "consumer_cancel_notify",
          "direct_reply_to"
        }) {
      assertThat(connection.hasCapability(capability)).as(capability).isTrue();
    }
  }

  @Test
  @SpecRule(section = "1.4.2.2", text = "a wrong password is refused with 403 ACCESS_REFUSED")
  void wrongPasswordIsRefused(TckBroker broker) {
    AMQPConnectionError e =
        catchThrowableOfType(
            AMQPConnectionError.class,
            () ->
                broker.connect(
                    p -> p.credentials(new PlainCredentials(broker.user(), "not-the-password"))));
    assertThat(e).isNotNull();
    assertThat(e.replyCode()).isEqualTo(403);
  }

  @Test
  @SpecRule(section = "1.4.2.2", text = "an unknown user is refused with 403 ACCESS_REFUSED")
  void unknownUserIsRefused(TckBroker broker) {
    AMQPConnectionError e =
        catchThrowableOfType(
            AMQPConnectionError.class,
            () -> broker.connect(p -> p.credentials(new PlainCredentials("tck-nobody", "x"))));
    assertThat(e).isNotNull();
    assertThat(e.replyCode()).isEqualTo(403);
  }

  @Test
  @SpecRule(section = "1.4.2.7", text = "opening a vhost that does not exist fails with 530")
  void unknownVhostIsNotAllowed(TckBroker broker) {
    AMQPConnectionError e =
        catchThrowableOfType(
            AMQPConnectionError.class,
            () -> broker.connect(p -> p.virtualHost(TckBroker.unique("no-such-vhost"))));
    assertThat(e).isNotNull();
    assertThat(e.replyCode()).isEqualTo(530);
  }

  @Test
  @SpecRule(section = "1.4.2.7", text = "opening a vhost the user has no access to fails with 530")
  void vhostWithoutPermissionIsNotAllowed(TckBroker broker) {
    Optional<String> denied =
        broker
            .deniedVhost()
            .or(() -> Optional.ofNullable(System.getProperty(EMBEDDED_DENIED_VHOST)));
    assumeTrue(
        denied.isPresent(),
        "needs a vhost the user may not open (-Dtck.denied.vhost, TCK_DENIED_VHOST or"
            + " --denied-vhost)");
    AMQPConnectionError e =
        catchThrowableOfType(
            AMQPConnectionError.class, () -> broker.connect(p -> p.virtualHost(denied.get())));
    assertThat(e).isNotNull();
    assertThat(e.replyCode()).isEqualTo(530);
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "a client may turn heartbeats off by asking for 0")
  void heartbeatCanBeTurnedOff(TckBroker broker) {
    assertThat(broker.connect(p -> p.heartbeat(0)).heartbeat()).isZero();
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "the client may lower the heartbeat the broker offers")
  void heartbeatIsNegotiatedDown(TckBroker broker) {
    assertThat(broker.connect(p -> p.heartbeat(7)).heartbeat()).isEqualTo(7);
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "the client may lower frame_max, down to 4096")
  void frameMaxIsNegotiatedDown(TckBroker broker) {
    assertThat(broker.connect(p -> p.frameMax(8192)).frameMax()).isEqualTo(8192);
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "the client may lower channel_max")
  void channelMaxIsNegotiatedDown(TckBroker broker) {
    assertThat(broker.connect(p -> p.channelMax(16)).channelMax()).isEqualTo(16);
  }

  @Test
  @SpecRule(section = "1.4.2.2", text = "AMQPLAIN is accepted as well as PLAIN")
  void amqplainMechanismIsAccepted(TckBroker broker) {
    PlainCredentials plain = (PlainCredentials) broker.params().credentials();
    BlockingConnection connection =
        broker.connect(
            p ->
                p.credentials(new PlainCredentials(plain.username(), plain.password()).amqplain()));
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "1.4.2.9", text = "connection.close is answered with close-ok")
  void closeIsAnsweredWithCloseOk(TckBroker broker) {
    RawConnection raw = broker.raw();
    raw.send(0, new Connection.Close(200, "bye", 0, 0));
    // The client, not the broker, closes the socket after close-ok (spec 1.4.2.9).
    assertThat(raw.expect(0, Connection.CloseOk.class)).isNotNull();
  }

  @Test
  @SpecRule(section = "4.2.2", text = "a bad protocol header is answered with ours, then close")
  void badProtocolHeaderIsAnsweredWithSupportedVersion(TckBroker broker) {
    RawConnection raw = broker.rawUnopened();
    raw.sendBytes("AMQP\0\0\10\0".getBytes(StandardCharsets.ISO_8859_1));
    byte[] reply = raw.readBytes(8);
    assertThat(reply)
        .containsExactly(
            (byte) 'A', (byte) 'M', (byte) 'Q', (byte) 'P', (byte) 0, (byte) 0, (byte) 9, (byte) 1);
    assertThat(raw.awaitSocketClosed()).isTrue();
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "frame_max below 4096 in tune-ok closes the connection")
  void frameMaxBelowMinimumIsRefused(TckBroker broker) {
    RawConnection raw = broker.rawUnopened();
    raw.sendBytes(io.warrenmq.model.ProtocolHeader.bytes());
    Connection.Tune tune = raw.startOk();
    raw.send(0, new Connection.TuneOk(tune.channelMax(), 1024, 0));
    raw.send(0, new Connection.Open("/"));
    assertThat(raw.awaitSocketClosed()).isTrue();
  }

  @Test
  @SpecRule(section = "1.4.2.6", text = "more channels than the negotiated channel_max: 530")
  void channelMaxIsEnforced(TckBroker broker) {
    RawConnection raw = broker.rawUnopened();
    raw.sendBytes(io.warrenmq.model.ProtocolHeader.bytes());
    Connection.Tune tune = raw.startOk();
    raw.send(0, new Connection.TuneOk(2, tune.frameMax(), 0));
    raw.send(0, new Connection.Open(broker.params().virtualHost()));
    raw.expect(0, Connection.OpenOk.class);
    raw.openChannel(1).openChannel(2);
    raw.send(3, new io.warrenmq.model.generated.Channel.Open());
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(530);
  }

  @Test
  @SpecRule(section = "1.4.2.3", text = "client properties are accepted as a field table")
  void clientPropertiesAreAccepted(TckBroker broker) {
    BlockingConnection connection =
        broker.connect(p -> p.clientProperties(Map.of("connection_name", "tck")));
    assertThat(connection.channel().isOpen()).isTrue();
  }
}
