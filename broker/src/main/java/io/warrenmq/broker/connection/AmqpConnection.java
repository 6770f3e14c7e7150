package io.warrenmq.broker.connection;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.warrenmq.broker.channel.BrokerChannel;
import io.warrenmq.broker.channel.ChannelHost;
import io.warrenmq.broker.channel.ChannelState;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.codec.FrameDecoder;
import io.warrenmq.model.codec.FrameEncoder;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.ReplyCode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the handshake (start, tune, open), the channel table, heartbeats and the
 * close handshake in both directions; frames of other channels go to their {@link BrokerChannel}.
 *
 * <p>Confinement: the socket's event loop, for every field and every method except {@link
 * #isWritable} and {@link #forceClose}.
 */
public final class AmqpConnection extends ChannelInboundHandlerAdapter implements ChannelHost {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);

  /** How long to wait for close-ok after sending connection.close (spec 1.4.2.7). */
  private static final long CLOSE_TIMEOUT_MS = 1000;

  private final ConnectionLimits limits;
  private final IntObjectHashMap<BrokerChannel> channels = new IntObjectHashMap<>();
  private final Runnable flushTask = this::flushNow;
  private ChannelHandlerContext ctx;
  private ConnectionState state = ConnectionState.AWAITING_HEADER;
  private ScheduledFuture<?> handshakeTimer;
  private Negotiation negotiated;
  private VirtualHost vhost;
  private String user;
  private boolean authFailureClose;
  private boolean cancelNotify;
  private boolean inRead;
  private boolean flushScheduled;

  public AmqpConnection(ConnectionLimits limits) {
    this.limits = limits;
  }

  // ---- Netty events ----

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (!limits.registry().add(this)) {
      LOG.warn("connection limit reached, refusing {}", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    handshakeTimer =
        ctx.executor()
            .schedule(
                this::handshakeTimedOut,
                limits.handshakeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == HeaderAccepted.INSTANCE) {
      state = ConnectionState.AWAITING_START_OK;
      writeAndFlush(
          new MethodFrame(
              0,
              new Connection.Start(
                  0,
                  9,
                  ServerProperties.table(),
                  LongString.of(Authenticator.MECHANISMS),
                  LongString.of("en_US"))));
    } else if (event instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.WRITER_IDLE) {
        writeAndFlush(HeartbeatFrame.INSTANCE);
      } else if (idle.state() == IdleState.READER_IDLE) {
        LOG.warn(
            "missed heartbeats from {}, timeout {}s, closing",
            ctx.channel().remoteAddress(),
            negotiated.heartbeat());
        ctx.close();
      }
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Frame frame)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    inRead = true;
    try {
      dispatch(frame);
    } catch (Throwable e) {
      ErrorMapper.handle(this, frame.channel(), e);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    if (state == ConnectionState.OPEN) {
      for (BrokerChannel channel : channels.values()) {
        channel.flushConfirms();
      }
    }
    flushNow();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      for (BrokerChannel channel : channels.values()) {
        channel.resumeDeliveries();
      }
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    state = ConnectionState.CLOSED;
    if (handshakeTimer != null) {
      handshakeTimer.cancel(false);
    }
    shutdownChannels();
    if (vhost != null) {
      vhost.ownerClosed(this);
    }
    limits.registry().remove(this);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("I/O error on {}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
      return;
    }
    AmqpException error = ErrorMapper.toAmqp(cause);
    if (state == ConnectionState.CLOSING || state == ConnectionState.CLOSED) {
      ctx.close();
      return;
    }
    // A decoder error poisons the stream: no close-ok can be read, so close once the close is out.
    closeWithError(error).addListener(ChannelFutureListener.CLOSE);
  }

  // ---- frames ----

  private void dispatch(Frame frame) {
    if (state == ConnectionState.CLOSING || state == ConnectionState.CLOSED) {
      acceptWhileClosing(frame);
      return;
    }
    if (frame instanceof HeartbeatFrame) {
      return;
    }
    int number = frame.channel();
    if (number == 0) {
      if (!(frame instanceof MethodFrame methodFrame)) {
        ReferenceCountUtil.release(frame);
        throw AmqpException.unexpectedFrame("content frame on channel 0");
      }
      handleConnectionMethod(methodFrame.method());
      return;
    }
    if (state != ConnectionState.OPEN) {
      ReferenceCountUtil.release(frame);
      throw AmqpException.channelError("channel frame before connection.open-ok");
    }
    BrokerChannel channel = channels.get(number);
    if (channel == null) {
      if (frame instanceof MethodFrame methodFrame
          && methodFrame.method() instanceof Channel.Open) {
        openChannel(number);
        return;
      }
      ReferenceCountUtil.release(frame);
      throw AmqpException.channelError("expected 'channel.open'");
    }
    channel.accept(frame);
  }

  private void openChannel(int number) {
    if (number > negotiated.channelMax()) {
      throw AmqpException.notAllowed(
          "number of channels opened ("
              + channels.size()
              + ") has reached the negotiated channel_max ("
              + negotiated.channelMax()
              + ")");
    }
    channels.put(number, new BrokerChannel(number, this));
    write(new MethodFrame(number, Channel.OpenOk.INSTANCE));
  }

  private void acceptWhileClosing(Frame frame) {
    if (frame instanceof MethodFrame methodFrame && frame.channel() == 0) {
      Method method = methodFrame.method();
      if (method instanceof Connection.Close) {
        writeAndFlush(new MethodFrame(0, Connection.CloseOk.INSTANCE))
            .addListener(ChannelFutureListener.CLOSE);
      } else if (method instanceof Connection.CloseOk) {
        ctx.close();
      }
      return;
    }
    ReferenceCountUtil.release(frame);
  }

  private void handleConnectionMethod(Method method) {
    if (method instanceof Connection.StartOk startOk) {
      expect(ConnectionState.AWAITING_START_OK, method);
      startOk(startOk);
    } else if (method instanceof Connection.SecureOk) {
      throw AmqpException.commandInvalid("connection.secure-ok without connection.secure");
    } else if (method instanceof Connection.TuneOk tuneOk) {
      expect(ConnectionState.AWAITING_TUNE_OK, method);
      tuneOk(tuneOk);
    } else if (method instanceof Connection.Open open) {
      expect(ConnectionState.AWAITING_OPEN, method);
      open(open);
    } else if (method instanceof Connection.Close) {
      shutdownChannels();
      state = ConnectionState.CLOSED;
      writeAndFlush(new MethodFrame(0, Connection.CloseOk.INSTANCE))
          .addListener(ChannelFutureListener.CLOSE);
    } else if (method instanceof Connection.UpdateSecret && state == ConnectionState.OPEN) {
      write(new MethodFrame(0, Connection.UpdateSecretOk.INSTANCE));
    } else if (!(method instanceof Connection.Blocked || method instanceof Connection.Unblocked)) {
      throw AmqpException.commandInvalid(
          "unexpected method " + method.methodName() + " on channel 0 in state " + state);
    }
  }

  private void expect(ConnectionState expected, Method method) {
    if (state != expected) {
      throw AmqpException.commandInvalid(
          "unexpected method " + method.methodName() + " in state " + state);
    }
  }

  private void startOk(Connection.StartOk startOk) {
    Map<String, Object> clientProperties = startOk.clientProperties();
    if (clientProperties.get("capabilities") instanceof Map<?, ?> capabilities) {
      authFailureClose = Boolean.TRUE.equals(capabilities.get("authentication_failure_close"));
      cancelNotify = Boolean.TRUE.equals(capabilities.get("consumer_cancel_notify"));
    }
    String authenticated =
        limits
            .authenticator()
            .authenticate(startOk.mechanism(), startOk.response(), ctx.channel().remoteAddress());
    if (authenticated == null) {
      refuseLogin(startOk.mechanism());
      return;
    }
    user = authenticated;
    state = ConnectionState.AWAITING_TUNE_OK;
    write(
        new MethodFrame(
            0, new Connection.Tune(limits.channelMax(), limits.frameMax(), limits.heartbeat())));
  }

  /** RabbitMQ: 403 to clients that can take it (authentication_failure_close), else a close. */
  private void refuseLogin(String mechanism) {
    LOG.warn("login refused from {}", ctx.channel().remoteAddress());
    AmqpException refused =
        AmqpException.accessRefused(
            "Login was refused using authentication mechanism "
                + mechanism
                + ". For details see the broker logfile.");
    if (authFailureClose) {
      closeWithError(refused);
    } else {
      state = ConnectionState.CLOSING;
      ctx.executor().schedule(() -> ctx.close(), CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void tuneOk(Connection.TuneOk tuneOk) {
    negotiated = Negotiation.settle(tuneOk, limits);
    ctx.pipeline().get(FrameDecoder.class).setMaxFrameSize(negotiated.frameMax());
    ctx.pipeline().get(FrameEncoder.class).setMaxFrameSize(negotiated.frameMax());
    int heartbeat = negotiated.heartbeat();
    if (heartbeat > 0) {
      // Spec 4.2.7: send when idle for the interval; a peer silent for two intervals is gone.
      ctx.pipeline()
          .addFirst(
              "heartbeat", new IdleStateHandler(heartbeat * 2L, heartbeat, 0, TimeUnit.SECONDS));
    }
    state = ConnectionState.AWAITING_OPEN;
  }

  private void open(Connection.Open open) {
    VirtualHost found = limits.vhosts().apply(open.virtualHost());
    if (found == null) {
      throw AmqpException.notAllowed("vhost " + open.virtualHost() + " not found");
    }
    vhost = found;
    state = ConnectionState.OPEN;
    handshakeTimer.cancel(false);
    write(new MethodFrame(0, Connection.OpenOk.INSTANCE));
  }

  private void handshakeTimedOut() {
    if (state != ConnectionState.OPEN && state != ConnectionState.CLOSED) {
      LOG.warn("handshake timeout from {}, closing", ctx.channel().remoteAddress());
      ctx.close();
    }
  }

  // ---- closing ----

  /** Sends connection.close for {@code error} and waits (bounded) for close-ok. */
  io.netty.channel.ChannelFuture closeWithError(AmqpException error) {
    if (state == ConnectionState.CLOSING || state == ConnectionState.CLOSED) {
      return ctx.newSucceededFuture();
    }
    shutdownChannels();
    state = ConnectionState.CLOSING;
    ctx.executor().schedule(() -> ctx.close(), CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    return writeAndFlush(
        new MethodFrame(
            0,
            new Connection.Close(
                error.replyCode().code(), error.replyText(), error.classId(), error.methodId())));
  }

  /** Sends channel.close for a soft error; the channel drops frames until close-ok. */
  void closeChannel(int number, AmqpException error) {
    BrokerChannel channel = channels.get(number);
    if (channel == null || channel.state() != ChannelState.OPEN) {
      return;
    }
    channel.shutdown();
    write(
        new MethodFrame(
            number,
            new Channel.Close(
                error.replyCode().code(), error.replyText(), error.classId(), error.methodId())));
    if (!inRead) {
      scheduleFlush();
    }
  }

  /** Closes with 320 CONNECTION_FORCED (broker shutdown); completes when the socket closed. */
  public Future<Void> forceClose(String reason) {
    io.netty.channel.Channel socket = ctx.channel();
    socket
        .eventLoop()
        .execute(
            () ->
                closeWithError(
                    new AmqpException(
                        ReplyCode.CONNECTION_FORCED,
                        "broker forced connection closure with reason '" + reason + "'")));
    return socket.closeFuture();
  }

  private void shutdownChannels() {
    for (BrokerChannel channel : List.copyOf(channels.values())) {
      channel.shutdown();
    }
    channels.clear();
  }

  // ---- ChannelHost ----

  @Override
  public EventLoop eventLoop() {
    return ctx.channel().eventLoop();
  }

  @Override
  public void write(Object frameOrCommand) {
    ctx.write(frameOrCommand, ctx.voidPromise());
    if (!inRead) {
      scheduleFlush();
    }
  }

  private io.netty.channel.ChannelFuture writeAndFlush(Object frame) {
    return ctx.writeAndFlush(frame);
  }

  /** Batches the writes of one event-loop turn (e.g. many deliveries) into one flush. */
  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      ctx.executor().execute(flushTask);
    }
  }

  private void flushNow() {
    flushScheduled = false;
    ctx.flush();
  }

  @Override
  public boolean isWritable() {
    return ctx.channel().isWritable();
  }

  @Override
  public void channelClosed(int channel) {
    channels.remove(channel);
  }

  @Override
  public Object owner() {
    return this;
  }

  @Override
  public VirtualHost vhost() {
    return vhost;
  }

  @Override
  public String userName() {
    return user;
  }

  @Override
  public boolean consumerCancelNotify() {
    return cancelNotify;
  }

  @Override
  public void asyncError(int channel, AmqpException error) {
    ErrorMapper.handle(this, channel, error);
  }

  @Override
  public long maxMessageSize() {
    return limits.maxMessageSize();
  }

  @Override
  public String toString() {
    return ctx == null ? "connection" : "connection " + ctx.channel().remoteAddress();
  }
}
