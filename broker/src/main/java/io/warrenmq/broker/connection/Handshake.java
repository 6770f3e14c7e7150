package io.warrenmq.broker.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.warrenmq.broker.access.UserAccess;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.codec.FrameDecoder;
import io.warrenmq.model.codec.FrameEncoder;
import io.warrenmq.model.generated.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opening handshake of one connection (spec 1.4.2): start / start-ok with SASL, tune / tune-ok,
 * open / open-ok, and the timeout for peers that never finish it. What it settles (user, vhost,
 * limits, client capabilities) is read by {@link AmqpConnection} afterwards.
 *
 * <p>Confinement: the connection's event loop.
 */
final class Handshake {
  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

  /** How long a refused login waits before the close, for clients without the capability. */
  private static final long REFUSED_CLOSE_DELAY_MS = 1000;

  private final AmqpConnection connection;
  private final ConnectionLimits limits;
  private final ChannelHandlerContext ctx;
  private final ScheduledFuture<?> timer;
  private Negotiation negotiated;
  private volatile VirtualHost vhost; // read by the registry when a vhost is deleted
  private volatile String user; // read by the registry when a user is deleted
  private String certificateUser;
  private UserAccess userAccess;
  private boolean authFailureClose;
  private boolean cancelNotify;
  private boolean blockedNotify;
  private Map<String, Object> clientProperties = Map.of();

  /** Starts the handshake timer: a peer that has not opened in time is dropped. */
  Handshake(AmqpConnection connection, ConnectionLimits limits, ChannelHandlerContext ctx) {
    this.connection = connection;
    this.limits = limits;
    this.ctx = ctx;
    this.timer =
        ctx.executor()
            .schedule(this::timedOut, limits.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The protocol header was accepted: sends connection.start. Over TLS the handshake is over by now
   * (the header came through it), so a verified client certificate is known.
   */
  void start() {
    certificateUser = PeerCertificates.commonName(ctx.pipeline().get(SslHandler.class));
    connection.write(
        new MethodFrame(
            0,
            new Connection.Start(
                0,
                9,
                ServerProperties.table(),
                LongString.of(Authenticator.mechanisms(certificateUser)),
                LongString.of("en_US"))));
  }

  /**
   * Handles a handshake method received in {@code state}; returns the next state, or null when
   * {@code method} is not part of the handshake.
   */
  ConnectionState handle(Method method, ConnectionState state) {
    if (method instanceof Connection.StartOk startOk) {
      expect(ConnectionState.AWAITING_START_OK, state, method);
      return startOk(startOk);
    } else if (method instanceof Connection.SecureOk) {
      throw AmqpException.commandInvalid("connection.secure-ok without connection.secure");
    } else if (method instanceof Connection.TuneOk tuneOk) {
      expect(ConnectionState.AWAITING_TUNE_OK, state, method);
      return tuneOk(tuneOk);
    } else if (method instanceof Connection.Open open) {
      expect(ConnectionState.AWAITING_OPEN, state, method);
      return open(open);
    }
    return null;
  }

  /** The connection closed: the timer is no longer needed. */
  void cancelTimer() {
    timer.cancel(false);
  }

  private static void expect(ConnectionState expected, ConnectionState state, Method method) {
    if (state != expected) {
      throw AmqpException.commandInvalid(
          "unexpected method " + method.methodName() + " in state " + state);
    }
  }

  private ConnectionState startOk(Connection.StartOk startOk) {
    clientProperties = startOk.clientProperties();
    if (clientProperties.get("capabilities") instanceof Map<?, ?> capabilities) {
      authFailureClose = Boolean.TRUE.equals(capabilities.get("authentication_failure_close"));
      cancelNotify = Boolean.TRUE.equals(capabilities.get("consumer_cancel_notify"));
      blockedNotify = Boolean.TRUE.equals(capabilities.get("connection.blocked"));
    }
    String authenticated =
        limits
            .authenticator()
            .authenticate(
                startOk.mechanism(),
                startOk.response(),
                ctx.channel().remoteAddress(),
                certificateUser);
    if (authenticated == null) {
      return refuseLogin(startOk.mechanism());
    }
    user = authenticated;
    connection.write(
        new MethodFrame(
            0, new Connection.Tune(limits.channelMax(), limits.frameMax(), limits.heartbeat())));
    return ConnectionState.AWAITING_TUNE_OK;
  }

  /** RabbitMQ: 403 to clients that can take it (authentication_failure_close), else a close. */
  private ConnectionState refuseLogin(String mechanism) {
    AmqpException refused =
        AmqpException.accessRefused(
            "Login was refused using authentication mechanism "
                + mechanism
                + ". For details see the broker logfile.");
    if (authFailureClose) {
      connection.closeWithError(refused);
    } else {
      ctx.executor().schedule(() -> ctx.close(), REFUSED_CLOSE_DELAY_MS, TimeUnit.MILLISECONDS);
    }
    return ConnectionState.CLOSING;
  }

  private ConnectionState tuneOk(Connection.TuneOk tuneOk) {
    negotiated = Negotiation.settle(tuneOk, limits);
    ctx.pipeline().get(FrameDecoder.class).setMaxFrameSize(negotiated.frameMax());
    ctx.pipeline().get(FrameEncoder.class).setMaxFrameSize(negotiated.frameMax());
    int heartbeat = negotiated.heartbeat();
    if (heartbeat > 0) {
      // Spec 4.2.7: send when idle for the interval; a peer silent for two intervals is gone.
      ctx.pipeline().addFirst("heartbeat", new Heartbeat(heartbeat, connection.flusher()));
    }
    return ConnectionState.AWAITING_OPEN;
  }

  private ConnectionState open(Connection.Open open) {
    VirtualHost found = limits.vhosts().apply(open.virtualHost());
    if (found == null) {
      throw AmqpException.notAllowed("vhost " + open.virtualHost() + " not found");
    }
    if (limits.access().permissions(user, found.name()) == null) {
      LOG.warn("access to vhost '{}' refused for user '{}'", found.name(), user);
      throw AmqpException.notAllowed(
          "access to vhost '" + found.name() + "' refused for user '" + user + "'");
    }
    vhost = found;
    userAccess = new UserAccess(limits.access(), user, found.name());
    timer.cancel(false);
    connection.write(new MethodFrame(0, Connection.OpenOk.INSTANCE));
    return ConnectionState.OPEN;
  }

  private void timedOut() {
    if (!connection.isOpenOrClosed()) {
      LOG.warn("handshake timeout from {}, closing", ctx.channel().remoteAddress());
      ctx.close();
    }
  }

  Negotiation negotiated() {
    return negotiated;
  }

  VirtualHost vhost() {
    return vhost;
  }

  String user() {
    return user;
  }

  UserAccess userAccess() {
    return userAccess;
  }

  boolean consumerCancelNotify() {
    return cancelNotify;
  }

  /** Whether the client announced the {@code connection.blocked} capability. */
  boolean blockedNotify() {
    return blockedNotify;
  }

  /** What the client said about itself in start-ok (empty before). */
  Map<String, Object> clientProperties() {
    return clientProperties;
  }
}
