package io.warrenmq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.warrenmq.client.AMQPConnectionError;
import io.warrenmq.client.AMQPError;
import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.client.PlainCredentials;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Connection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectionCoreTest {

  @Test
  void handshakeNegotiatesAndOpens() {
    ConnectionParameters params = new ConnectionParameters("h", p -> p.virtualHost("vh"));
    try (FakePeer peer = new FakePeer(params)) {
      peer.send(
          0,
          new Connection.Start(
              0, 9, Map.of(), LongString.of("AMQPLAIN PLAIN"), LongString.of("en_US")));
      Connection.StartOk startOk = (Connection.StartOk) peer.nextMethod();
      assertThat(startOk.mechanism()).isEqualTo("PLAIN");
      assertThat(startOk.response().toString()).isEqualTo("\0guest\0guest");
      @SuppressWarnings("unchecked")
      Map<String, Object> capabilities =
          (Map<String, Object>) startOk.clientProperties().get("capabilities");
      assertThat(capabilities)
          .containsEntry("authentication_failure_close", true)
          .containsEntry("connection.blocked", true);
      peer.send(0, new Connection.Tune(0, 65536, 60));
      assertThat(peer.nextMethod()).isEqualTo(new Connection.TuneOk(2047, 65536, 60));
      assertThat(peer.nextMethod()).isEqualTo(new Connection.Open("vh"));
      assertThat(peer.core.opened()).isNotDone();
      peer.send(0, new Connection.OpenOk());
      assertThat(peer.core.opened()).isCompleted();
      assertThat(peer.client.pipeline().get(IdleStateHandler.class)).isNotNull();
    }
  }

  @Test
  void amqplainResponseIsATableWithoutLength() {
    ConnectionParameters params =
        new ConnectionParameters(
            "h", p -> p.credentials(new PlainCredentials("u", "p").amqplain()));
    try (FakePeer peer = new FakePeer(params)) {
      peer.send(
          0, new Connection.Start(0, 9, Map.of(), LongString.of("AMQPLAIN"), LongString.of("")));
      Connection.StartOk startOk = (Connection.StartOk) peer.nextMethod();
      assertThat(startOk.mechanism()).isEqualTo("AMQPLAIN");
      String response = new String(startOk.response().toByteArray(), StandardCharsets.ISO_8859_1);
      assertThat(response).isEqualTo("\5LOGINS\0\0\0\1u\10PASSWORDS\0\0\0\1p");
    }
  }

  @Test
  void clientHeartbeatWinsAndZeroTurnsThemOff() {
    try (FakePeer peer = new FakePeer(new ConnectionParameters("h", p -> p.heartbeat(0)))) {
      peer.handshake(0, 0, 60);
      assertThat(peer.core.tuning()).isEqualTo(new Tuning(2047, 131072, 0));
      assertThat(peer.client.pipeline().get(IdleStateHandler.class)).isNull();
    }
  }

  @Test
  void refusedLoginIsAuthenticationFailure() {
    try (FakePeer peer = new FakePeer(new ConnectionParameters())) {
      peer.send(0, new Connection.Start(0, 9, Map.of(), LongString.of("PLAIN"), LongString.of("")));
      peer.nextMethod();
      peer.send(0, new Connection.Close(403, "ACCESS_REFUSED - Login was refused", 0, 0));
      assertThat(peer.nextMethod()).isEqualTo(new Connection.CloseOk());
      assertThat(peer.core.opened()).isCompletedExceptionally();
      assertThat(peer.core.failure().kind()).isEqualTo(Failure.Kind.AUTHENTICATION);
      assertThat(peer.core.failure().code()).isEqualTo(403);
    }
  }

  @Test
  void missingMechanismClosesWithNotAllowed() {
    try (FakePeer peer = new FakePeer(new ConnectionParameters())) {
      peer.send(
          0, new Connection.Start(0, 9, Map.of(), LongString.of("EXTERNAL"), LongString.of("")));
      Method close = peer.nextMethod();
      assertThat(close).isInstanceOf(Connection.Close.class);
      assertThat(((Connection.Close) close).replyCode()).isEqualTo(530);
      assertThat(peer.core.failure().kind()).isEqualTo(Failure.Kind.CONNECTION_ERROR);
    }
  }

  @Test
  void failedTlsHandshakeIsAConnectionErrorNamingTls() {
    try (FakePeer peer =
        new FakePeer(new ConnectionParameters("broker.example", p -> p.port(5671)))) {
      SSLHandshakeException cause = new SSLHandshakeException("PKIX path building failed");
      // SslHandler reports the failure as this event before its decoder rethrows it (TlsIT
      // checks the real sequence); the event must be what names the failure.
      peer.client.pipeline().fireUserEventTriggered(new SslHandshakeCompletionEvent(cause));
      assertThat(peer.core.opened()).isCompletedExceptionally();
      assertThat(peer.core.failure().kind()).isEqualTo(Failure.Kind.TLS_HANDSHAKE);
      AMQPError error = peer.core.failure().toException();
      assertThat(error)
          .isExactlyInstanceOf(AMQPConnectionError.class)
          .hasMessage("TLS handshake with broker.example:5671 failed: PKIX path building failed")
          .hasCause(cause);
      assertThat(peer.client.isOpen()).isFalse();
    }
  }

  @Test
  void blockedAndUnblockedReachTheHooks() {
    try (FakePeer peer = new FakePeer(new ConnectionParameters())) {
      List<String> seen = new ArrayList<>();
      peer.core.blockedHooks(reason -> seen.add("blocked:" + reason), () -> seen.add("unblocked"));
      peer.handshake(0, 0, 0);
      peer.send(0, new Connection.Blocked("low on memory"));
      assertThat(peer.core.isBlocked()).isTrue();
      peer.send(0, new Connection.Unblocked());
      assertThat(peer.core.isBlocked()).isFalse();
      assertThat(seen).containsExactly("blocked:low on memory", "unblocked");
    }
  }

  @Test
  void writerIdleSendsHeartbeatAndReaderIdleDropsTheConnection() {
    try (FakePeer peer = new FakePeer(new ConnectionParameters())) {
      peer.handshake(0, 0, 5);
      peer.client.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
      Frame frame = peer.nextFrame();
      assertThat(frame).isEqualTo(HeartbeatFrame.INSTANCE);
      peer.client.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
      assertThat(peer.core.failure().kind()).isEqualTo(Failure.Kind.HEARTBEAT_TIMEOUT);
      assertThat(peer.client.isOpen()).isFalse();
    }
  }

  @Test
  void brokerCloseEndsChannelsAndAnswersCloseOk() {
    try (FakePeer peer = new FakePeer(new ConnectionParameters())) {
      peer.handshake(0, 0, 0);
      ChannelCore channel = peer.core.newChannel();
      peer.send(0, new Connection.Close(320, "CONNECTION_FORCED - bye", 0, 0));
      assertThat(peer.nextMethod()).isEqualTo(new Connection.CloseOk());
      assertThat(channel.failure().kind()).isEqualTo(Failure.Kind.CONNECTION_CLOSED_BY_BROKER);
      assertThat(peer.core.failure().code()).isEqualTo(320);
    }
  }

  @Test
  void malformedFrameClosesWithFrameError() {
    try (FakePeer peer = new FakePeer(new ConnectionParameters())) {
      peer.handshake(0, 0, 0);
      peer.client.writeInbound(
          io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {9, 0, 0, 0, 0, 0, 0, (byte) 206}));
      Method close = peer.nextMethod();
      assertThat(((Connection.Close) close).replyCode()).isEqualTo(501);
      assertThat(peer.core.failure().kind()).isEqualTo(Failure.Kind.CONNECTION_ERROR);
    }
  }
}
