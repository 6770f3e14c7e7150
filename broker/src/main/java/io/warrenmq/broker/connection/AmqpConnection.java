package io.warrenmq.broker.connection;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.warrenmq.broker.access.UserAccess;
import io.warrenmq.broker.channel.BrokerChannel;
import io.warrenmq.broker.channel.ChannelHost;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.ReplyCode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the handshake (in {@link Handshake}), the channel table (in {@link
 * ChannelTable}), heartbeats (in {@link Heartbeat}), publisher flow control (in {@link
 * PublisherFlow}), write batching (in {@link FlushBatcher}) and the close handshake in both
 * directions; frames of other channels go to their {@link BrokerChannel}.
 *
 * <p>Confinement: the socket's event loop, for every field and every method except {@link
 * #isWritable}, {@link #forceClose}, {@link #isInFlow} and {@link #memoryAlarmChanged}.
 */
public final class AmqpConnection extends ChannelInboundHandlerAdapter implements ChannelHost {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);

  /** How long to wait for close-ok after sending connection.close (spec 1.4.2.7). */
  private static final long CLOSE_TIMEOUT_MS = 1000;

  private final ConnectionLimits limits;
  private final ChannelTable channels = new ChannelTable(this);
  private final long connectedAt = System.currentTimeMillis();
  private ChannelHandlerContext ctx;
  private FlushBatcher flusher;
  private ConnectionState state = ConnectionState.AWAITING_HEADER;
  private Handshake handshake;
  private volatile PublisherFlow flow; // read by management from any thread (isInFlow)

  public AmqpConnection(ConnectionLimits limits) {
    this.limits = limits;
  }

  // ---- Netty events ----

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.flusher = new FlushBatcher(ctx);
    if (!limits.registry().add(this)) {
      LOG.warn("connection limit reached, refusing {}", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    handshake = new Handshake(this, limits, ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == HeaderAccepted.INSTANCE) {
      state = ConnectionState.AWAITING_START_OK;
      handshake.start();
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
    flusher.readStarted();
    try {
      dispatch(frame);
    } catch (Throwable e) {
      ErrorMapper.handle(this, frame.channel(), e);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    flusher.readComplete();
    if (state == ConnectionState.OPEN) {
      channels.flushConfirms();
    }
    flusher.flush();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      channels.resumeDeliveries();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    state = ConnectionState.CLOSED;
    if (handshake != null) {
      handshake.cancelTimer();
    }
    channels.shutdownAll();
    if (flow != null) {
      flow.closed();
    }
    if (vhost() != null) {
      vhost().ownerClosed(this);
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
    if (frame.channel() == 0) {
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
    if (frame instanceof MethodFrame methodFrame && methodFrame.method() instanceof Basic.Publish) {
      flow.published(); // may pause reading (memory alarm)
    }
    channels.accept(frame, handshake.negotiated().channelMax());
  }

  private void acceptWhileClosing(Frame frame) {
    if (frame instanceof MethodFrame methodFrame && frame.channel() == 0) {
      Method method = methodFrame.method();
      if (method instanceof Connection.Close) {
        ctx.writeAndFlush(new MethodFrame(0, Connection.CloseOk.INSTANCE))
            .addListener(ChannelFutureListener.CLOSE);
      } else if (method instanceof Connection.CloseOk) {
        ctx.close();
      }
      return;
    }
    ReferenceCountUtil.release(frame);
  }

  private void handleConnectionMethod(Method method) {
    ConnectionState next = handshake.handle(method, state);
    if (next != null) {
      state = next;
      if (next == ConnectionState.OPEN) {
        flow =
            new PublisherFlow(
                ctx, limits.memoryAlarm(), handshake.blockedNotify(), this::consumesWithAcks);
      }
    } else if (method instanceof Connection.Close) {
      channels.shutdownAll();
      state = ConnectionState.CLOSED;
      ctx.writeAndFlush(new MethodFrame(0, Connection.CloseOk.INSTANCE))
          .addListener(ChannelFutureListener.CLOSE);
    } else if (method instanceof Connection.UpdateSecret && state == ConnectionState.OPEN) {
      write(new MethodFrame(0, Connection.UpdateSecretOk.INSTANCE));
    } else if (!(method instanceof Connection.Blocked || method instanceof Connection.Unblocked)) {
      throw AmqpException.commandInvalid(
          "unexpected method " + method.methodName() + " on channel 0 in state " + state);
    }
  }

  /** True once the handshake is over, one way or the other (for the handshake timeout). */
  boolean isOpenOrClosed() {
    return state == ConnectionState.OPEN || state == ConnectionState.CLOSED;
  }

  // ---- publisher flow control ----

  /**
   * The memory alarm changed: hops to the event loop, where a publisher is blocked or unblocked to
   * match it. Safe on any thread.
   */
  void memoryAlarmChanged() {
    ctx.executor()
        .execute(
            () -> {
              if (flow != null && state == ConnectionState.OPEN) {
                flow.recheck();
              }
            });
  }

  @Override
  public void routedToOverloaded(MessageQueue queue) {
    if (flow != null) {
      flow.routedToOverloaded(queue);
    }
  }

  /** Whether a consumer of this connection that acks takes from {@code queue}. Rare path. */
  private boolean consumesWithAcks(MessageQueue queue) {
    for (BrokerChannel channel : channels.list()) {
      for (BrokerChannel.ConsumerView consumer : channel.consumerViews()) {
        if (consumer.queue() == queue && consumer.ackRequired()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True while reading is paused because a queue this connection publishes to is overloaded
   * (RabbitMQ shows the connection's state as {@code flow}). Safe on any thread.
   */
  public boolean isInFlow() {
    return flow != null && flow.isInFlow();
  }

  /** The write batcher, whose flushes the heartbeat watches. */
  FlushBatcher flusher() {
    return flusher;
  }

  // ---- closing ----

  /** Sends connection.close for {@code error} and waits (bounded) for close-ok. */
  io.netty.channel.ChannelFuture closeWithError(AmqpException error) {
    if (state == ConnectionState.CLOSING || state == ConnectionState.CLOSED) {
      return ctx.newSucceededFuture();
    }
    channels.shutdownAll();
    state = ConnectionState.CLOSING;
    ctx.executor().schedule(() -> ctx.close(), CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    return ctx.writeAndFlush(
        new MethodFrame(
            0,
            new Connection.Close(
                error.replyCode().code(), error.replyText(), error.classId(), error.methodId())));
  }

  /** Sends channel.close for a soft error; the channel drops frames until close-ok. */
  void closeChannel(int number, AmqpException error) {
    channels.close(number, error);
  }

  /**
   * The vhost's name once the connection is open, else null (for closing a vhost's connections).
   */
  public String vhostName() {
    VirtualHost vhost = vhost();
    return vhost == null ? null : vhost.name();
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

  // ---- ChannelHost ----

  @Override
  public EventLoop eventLoop() {
    return ctx.channel().eventLoop();
  }

  @Override
  public void write(Object frameOrCommand) {
    flusher.write(frameOrCommand);
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
    return handshake == null ? null : handshake.vhost();
  }

  @Override
  public String userName() {
    return handshake.user();
  }

  @Override
  public UserAccess access() {
    return handshake.userAccess();
  }

  @Override
  public boolean consumerCancelNotify() {
    return handshake.consumerCancelNotify();
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

  // ---- read by the management API ----

  /** RabbitMQ's connection name: "client address -> broker address". Safe on any thread. */
  public String name() {
    return ctx == null
        ? ""
        : address(ctx.channel().remoteAddress()) + " -> " + address(ctx.channel().localAddress());
  }

  private static String address(java.net.SocketAddress address) {
    return address instanceof java.net.InetSocketAddress inet
        ? inet.getAddress().getHostAddress() + ":" + inet.getPort()
        : String.valueOf(address);
  }

  /** The client's socket address; null before the connection is active. */
  public java.net.InetSocketAddress peerAddress() {
    return ctx == null ? null : (java.net.InetSocketAddress) ctx.channel().remoteAddress();
  }

  /** The broker's end of the socket; null before the connection is active. */
  public java.net.InetSocketAddress brokerAddress() {
    return ctx == null ? null : (java.net.InetSocketAddress) ctx.channel().localAddress();
  }

  /** When the socket was accepted, in epoch milliseconds. */
  public long connectedAt() {
    return connectedAt;
  }

  /** True once connection.open-ok is sent and until the close starts. Call on the event loop. */
  public boolean isOpen() {
    return state == ConnectionState.OPEN;
  }

  /** The authenticated user, or null during the handshake. Safe on any thread. */
  public String authenticatedUser() {
    return handshake == null ? null : handshake.user();
  }

  /** The client's start-ok properties. Call on the event loop. */
  public java.util.Map<String, Object> clientProperties() {
    return handshake == null ? java.util.Map.of() : handshake.clientProperties();
  }

  /** Negotiated channel-max, frame-max and heartbeat; zeros before tune-ok. Call on the loop. */
  public long[] tuning() {
    Negotiation n = handshake == null ? null : handshake.negotiated();
    return n == null ? new long[3] : new long[] {n.channelMax(), n.frameMax(), n.heartbeat()};
  }

  /** The open channels. Call on the event loop. */
  public List<BrokerChannel> openChannels() {
    return channels.list();
  }
}
