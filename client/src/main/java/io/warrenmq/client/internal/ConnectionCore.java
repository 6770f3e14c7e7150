package io.warrenmq.client.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.client.ConnectionWrongStateError;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.ProtocolHeader;
import io.warrenmq.model.codec.FrameDecoder;
import io.warrenmq.model.codec.FrameEncoder;
import io.warrenmq.model.generated.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMQP connection as the I/O thread sees it: the handshake, channel 0 (close, blocked,
 * heartbeats), the channel table, and the routing of inbound frames to {@link ChannelCore}s.
 *
 * <p>Confinement: the Netty handler methods and everything they touch run on the connection's event
 * loop. User threads call {@link #write}, {@link #openChannel}, {@link #awaitPublishable} and
 * {@link #close}; they see {@code failure} and the tuning through volatile fields, write through
 * {@link Outbound} and wait in a {@link PublishGate} while the broker blocks them.
 */
public final class ConnectionCore extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionCore.class);

  /** Messages queued for the I/O thread past which publishers wait, as for an unwritable socket. */
  static final int MAX_BACKLOG = 4096;

  private final ConnectionParameters params;
  private final EventQueue events;
  private final Handshake handshake;
  private final ConcurrentHashMap<Integer, ChannelCore> channels = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final PublishGate gate = new PublishGate();
  private final ReentrantLock numbers = new ReentrantLock();
  private volatile io.netty.channel.Channel socket;
  private volatile Failure failure;
  private volatile Outbound outbound;
  private volatile Tuning tuning;
  private volatile java.util.Map<String, Object> serverProperties = java.util.Map.of();
  private volatile Consumer<String> onBlocked = reason -> {};
  private volatile Runnable onUnblocked = () -> {};
  private int nextNumber = 1;

  /** A connection core for {@code params} posting user work to {@code events}. */
  public ConnectionCore(ConnectionParameters params, EventQueue events) {
    this.params = params;
    this.events = events;
    this.handshake = new Handshake(params);
  }

  /** Completes when the handshake is done, or fails with a {@link FailureException}. */
  public CompletableFuture<Void> opened() {
    return opened;
  }

  /** Completes when the connection has ended, however it ended. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  /** Why the connection ended, or null while it is open. */
  public Failure failure() {
    return failure;
  }

  /** The negotiated channel_max, frame_max and heartbeat; null before tune. */
  public Tuning tuning() {
    return tuning;
  }

  /** The broker's connection.start properties (product, version, capabilities...). */
  public java.util.Map<String, Object> serverProperties() {
    return serverProperties;
  }

  /** True while the broker has sent connection.blocked without connection.unblocked. */
  public boolean isBlocked() {
    return gate.isBlocked();
  }

  /** Sets the hooks for connection.blocked/unblocked; they run on the I/O thread and must post. */
  public void blockedHooks(Consumer<String> onBlocked, Runnable onUnblocked) {
    this.onBlocked = onBlocked;
    this.onUnblocked = onUnblocked;
  }

  /** Throws when called on the I/O thread, where blocking would deadlock the connection. */
  public void checkNotIoThread() {
    io.netty.channel.Channel s = socket;
    if (s != null && s.eventLoop().inEventLoop()) {
      throw new ConnectionWrongStateError("blocking call made from the connection's I/O thread");
    }
  }

  /** Throws the connection's failure when it has ended. */
  public void checkOpen() {
    Failure ended = failure;
    if (ended != null) {
      throw ended.toException();
    }
  }

  /** Writes and flushes a frame or command (takes ownership). Any thread; see {@link Outbound}. */
  public void write(Object message) {
    outbound.write(message);
  }

  /**
   * Like {@link #write}, but from the calling thread straight to the socket when nothing is queued
   * ahead: for a publisher that will wait for the broker's confirm.
   */
  public void writeDirect(Object message) {
    outbound.writeDirect(message);
  }

  /**
   * Waits while the broker blocks publishing or the socket's outbound buffer is full, so that a
   * fast publisher cannot queue without bound.
   */
  public void awaitPublishable() {
    if (!gate.isBlocked() && isWritable()) {
      return;
    }
    gate.await(this::isWritable, () -> failure != null, params.blockedConnectionTimeout());
    checkOpen();
  }

  private boolean isWritable() {
    return socket.isWritable() && outbound.backlog() < MAX_BACKLOG;
  }

  /** Allocates a channel number and registers a channel core for it; it is not opened yet. */
  public ChannelCore newChannel() {
    checkOpen();
    int max = tuning.channelMax() == 0 ? 65535 : tuning.channelMax();
    numbers.lock();
    try {
      for (int i = 0; i < max; i++) {
        int candidate = nextNumber;
        nextNumber = nextNumber >= max ? 1 : nextNumber + 1;
        if (!channels.containsKey(candidate)) {
          ChannelCore core = new ChannelCore(candidate, this, socket.eventLoop());
          channels.put(candidate, core);
          return core;
        }
      }
    } finally {
      numbers.unlock();
    }
    throw new ConnectionWrongStateError("no free channel number (channel_max " + max + ")");
  }

  /** Called by a channel that ended; frees its number. I/O thread. */
  void channelEnded(ChannelCore core) {
    channels.remove(core.number(), core);
  }

  /** Starts the client close (connection.close 200); the closed future completes on close-ok. */
  public void startClose(int code, String text) {
    socket
        .eventLoop()
        .execute(
            () -> {
              if (failure == null) {
                fail(Failure.of(Failure.Kind.CONNECTION_CLOSED_BY_CLIENT, code, text), false);
                write(new MethodFrame(0, new Connection.Close(code, text, 0, 0)));
              }
            });
  }

  /** Closes the socket now. */
  public void closeSocket() {
    io.netty.channel.Channel s = socket;
    if (s != null) {
      s.close();
    }
  }

  /** The event loop; for tests and timers. */
  public EventLoop eventLoop() {
    return socket.eventLoop();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    socket = ctx.channel();
    outbound = new Outbound(socket, gate::signalIfWaiting);
    events.readControl(on -> ctx.channel().config().setAutoRead(on));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(ctx.alloc().buffer(ProtocolHeader.LENGTH).writeBytes(ProtocolHeader.bytes()));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Frame frame = (Frame) msg;
    if (frame.channel() == 0) {
      handleConnectionFrame(frame);
      return;
    }
    ChannelCore core = channels.get(frame.channel());
    if (core == null) {
      ReferenceCountUtil.release(frame);
      log.debug("frame for unknown channel {} dropped", frame.channel());
      return;
    }
    core.handleFrame(frame);
  }

  private void handleConnectionFrame(Frame frame) {
    if (frame instanceof HeartbeatFrame) {
      return; // reading it already reset the idle timer
    }
    if (!(frame instanceof MethodFrame methodFrame)) {
      ReferenceCountUtil.release(frame);
      protocolError(AmqpException.unexpectedFrame("content frame on channel 0"));
      return;
    }
    var method = methodFrame.method();
    if (method instanceof Connection.Close close) {
      write(new MethodFrame(0, new Connection.CloseOk()));
      fail(handshake.closeFailure(close), true);
    } else if (method instanceof Connection.CloseOk) {
      socket.close();
    } else if (failure != null) {
      return; // closing: only close and close-ok matter (spec 2.2.5)
    } else if (handshake.stage() != Handshake.Stage.DONE) {
      handleHandshake(method);
    } else if (method instanceof Connection.Blocked b) {
      gate.setBlocked(true);
      onBlocked.accept(b.reason());
    } else if (method instanceof Connection.Unblocked) {
      gate.setBlocked(false);
      onUnblocked.run();
    } else {
      protocolError(AmqpException.commandInvalid("unexpected " + method.methodName()));
    }
  }

  private void handleHandshake(io.warrenmq.model.Method method) {
    if (method instanceof Connection.Start start) {
      serverProperties = start.serverProperties();
    }
    try {
      Tuning tuned = handshake.handle(method, m -> write(new MethodFrame(0, m)));
      if (tuned != null) {
        applyTuning(tuned);
      }
      if (handshake.stage() == Handshake.Stage.DONE) {
        opened.complete(null);
      }
    } catch (AmqpException e) {
      protocolError(e);
    }
  }

  private void applyTuning(Tuning tuned) {
    tuning = tuned;
    var pipeline = socket.pipeline();
    if (pipeline.get(io.netty.handler.ssl.SslHandler.class) == null) {
      outbound.allowDirect(tuned.frameMax());
    }
    pipeline.get(FrameDecoder.class).setMaxFrameSize(tuned.frameMax());
    pipeline.get(FrameEncoder.class).setMaxFrameSize(tuned.frameMax());
    if (tuned.heartbeat() > 0) {
      long millis = tuned.heartbeat() * 1000L;
      // Send a heartbeat after half an interval of silence; declare the peer dead after two
      // intervals without a single byte from it (spec 4.2.7, as RabbitMQ's clients do).
      pipeline.addBefore(
          pipeline.context(this).name(),
          "heartbeat",
          new IdleStateHandler(2 * millis, Math.max(1, millis / 2), 0, TimeUnit.MILLISECONDS));
    }
  }

  /** Closes the connection for a protocol error of the peer's (or ours). I/O thread. */
  void protocolError(AmqpException e) {
    log.warn("closing connection: {}", e.getMessage());
    boolean first = failure == null;
    fail(new Failure(Failure.Kind.CONNECTION_ERROR, e.replyCode().code(), e.replyText(), e), false);
    if (first && socket.isActive()) {
      write(
          new MethodFrame(
              0,
              new Connection.Close(
                  e.replyCode().code(), e.replyText(), e.classId(), e.methodId())));
      // Give the close a moment to reach the peer, then drop the socket without waiting for
      // close-ok: the peer already misbehaved once.
      socket.eventLoop().schedule(() -> socket.close(), 1, TimeUnit.SECONDS);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
      // Comes before the exceptionCaught of the same error, so the TLS cause is what is reported
      // rather than a bare "stream lost" wrapping a DecoderException.
      fail(
          new Failure(
              Failure.Kind.TLS_HANDSHAKE,
              0,
              "TLS handshake with "
                  + params.host()
                  + ":"
                  + params.port()
                  + " failed: "
                  + tlsReason(done.cause()),
              done.cause()),
          false);
      ctx.close();
      return;
    }
    if (evt instanceof IdleStateEvent idle) {
      if (idle.state() == io.netty.handler.timeout.IdleState.WRITER_IDLE) {
        write(HeartbeatFrame.INSTANCE);
      } else if (idle.state() == io.netty.handler.timeout.IdleState.READER_IDLE
          && !events.isReadPaused()) {
        log.warn("no frame from the broker for two heartbeat intervals; dropping the connection");
        fail(
            new Failure(
                Failure.Kind.HEARTBEAT_TIMEOUT,
                0,
                "no heartbeat from the broker for " + 2 * tuning.heartbeat() + " s",
                null),
            true);
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  private static String tlsReason(Throwable cause) {
    Throwable reason = cause;
    while (reason instanceof DecoderException && reason.getCause() != null) {
      reason = reason.getCause();
    }
    return reason.getMessage() != null ? reason.getMessage() : reason.toString();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    gate.signal();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof DecoderException && cause.getCause() instanceof AmqpException amqp) {
      protocolError(amqp);
      return;
    }
    log.debug("connection error", cause);
    fail(new Failure(Failure.Kind.STREAM_LOST, 0, String.valueOf(cause), cause), true);
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (failure == null) {
      fail(handshake.lostFailure(), true);
    }
    closed.complete(null);
    gate.signal();
    events.wakeUp();
  }

  /** Records why the connection ended and ends every channel; I/O thread. */
  private void fail(Failure why, boolean closeSocketSoon) {
    if (failure == null) {
      failure = why;
    }
    for (ChannelCore core : channels.values()) {
      core.end(failure);
    }
    opened.completeExceptionally(new FailureException(failure));
    gate.signal();
    events.wakeUp();
    if (closeSocketSoon && why.kind() == Failure.Kind.CONNECTION_CLOSED_BY_BROKER) {
      socket.eventLoop().schedule(() -> socket.close(), 1, TimeUnit.SECONDS);
    }
  }
}
