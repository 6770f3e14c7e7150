package io.warrenmq.client;

import io.netty.channel.EventLoopGroup;
import io.warrenmq.client.internal.Await;
import io.warrenmq.client.internal.ConnectionCore;
import io.warrenmq.client.internal.Connector;
import io.warrenmq.client.internal.EventQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A connection to an AMQP 0-9-1 broker with pika's blocking API: {@code new BlockingConnection(new
 * ConnectionParameters("localhost"))}, then {@link #channel()}.
 *
 * <p>One Netty I/O thread per connection reads and writes the socket, answers heartbeats and
 * notices a dead broker even while user code is busy in a callback. Consumer callbacks, returns and
 * blocked notifications are queued and run on the thread that calls {@link #processDataEvents},
 * {@link #sleep} or {@link BlockingChannel#startConsuming()}, in arrival order, as in pika.
 *
 * <p>Thread safety: {@link #addCallbackThreadsafe}, {@link #isOpen()} and {@link #close()} may be
 * called from any thread, and channels may publish and ack from several threads. Event dispatching
 * ({@code processDataEvents}, {@code sleep}, {@code startConsuming}) runs on one thread at a time.
 * Blocking calls made from the I/O thread fail with {@link ConnectionWrongStateError}.
 */
public final class BlockingConnection implements AutoCloseable {
  private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

  private final ConnectionParameters params;
  private final EventQueue events = new EventQueue();
  private final ConnectionCore core;
  private final EventLoopGroup group;
  private final List<Consumer<String>> blockedCallbacks = new CopyOnWriteArrayList<>();
  private final List<Runnable> unblockedCallbacks = new CopyOnWriteArrayList<>();

  /** Connects to {@code localhost:5672} as guest/guest. */
  public BlockingConnection() {
    this(new ConnectionParameters());
  }

  /**
   * Connects and runs the AMQP handshake.
   *
   * @throws ProbableAuthenticationError when the broker refuses the credentials
   * @throws ProbableAccessDeniedError when the broker refuses the virtual host
   * @throws AMQPConnectionError when the broker cannot be reached
   */
  public BlockingConnection(ConnectionParameters params) {
    this.params = params;
    Connector.Opened opened = Connector.open(params, events);
    this.core = opened.core();
    this.group = opened.group();
    core.blockedHooks(
        reason -> events.post(() -> blockedCallbacks.forEach(c -> c.accept(reason))),
        () -> events.post(() -> unblockedCallbacks.forEach(Runnable::run)));
    core.closed().whenComplete((ok, e) -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
  }

  /**
   * Opens a new channel.
   *
   * @throws ConnectionClosed and its kin when the connection has ended
   */
  public BlockingChannel channel() {
    core.checkNotIoThread();
    return new BlockingChannel(this, core.newChannel());
  }

  /** True until the connection is closed by either side or lost. */
  public boolean isOpen() {
    return core.failure() == null;
  }

  /** True once the connection is closed or lost. */
  public boolean isClosed() {
    return !isOpen();
  }

  /** True while the broker blocks publishing on this connection (connection.blocked). */
  public boolean isBlocked() {
    return core.isBlocked();
  }

  /** The parameters this connection was opened with. */
  public ConnectionParameters parameters() {
    return params;
  }

  /** The broker's server properties from connection.start (product, version, capabilities). */
  public java.util.Map<String, Object> serverProperties() {
    return core.serverProperties();
  }

  /** True when the broker advertises {@code capability} as true in its capabilities table. */
  public boolean hasCapability(String capability) {
    return core.serverProperties().get("capabilities") instanceof java.util.Map<?, ?> caps
        && Boolean.TRUE.equals(caps.get(capability));
  }

  /** The negotiated heartbeat timeout in seconds; 0 when heartbeats are off. */
  public int heartbeat() {
    return core.tuning().heartbeat();
  }

  /** The negotiated largest frame size in bytes. */
  public long frameMax() {
    return core.tuning().frameMax();
  }

  /** The negotiated highest channel number. */
  public int channelMax() {
    return core.tuning().channelMax();
  }

  /**
   * Runs the callbacks that are ready (deliveries, returns, blocked notifications, threadsafe
   * callbacks) and returns at once; pika's {@code process_data_events()} with its default
   * time_limit of 0.
   */
  public void processDataEvents() {
    processDataEvents(0);
  }

  /**
   * Waits up to {@code timeLimitSeconds} for events, runs those that are ready and returns; pika's
   * {@code process_data_events(time_limit)}. {@link Double#POSITIVE_INFINITY} waits until an event
   * arrives.
   *
   * @throws ConnectionClosed and its kin when the connection has ended
   */
  public void processDataEvents(double timeLimitSeconds) {
    core.checkNotIoThread();
    core.checkOpen();
    long nanos =
        Double.isInfinite(timeLimitSeconds)
            ? Long.MAX_VALUE
            : (long) Math.max(0, timeLimitSeconds * 1e9);
    try {
      events.dispatch(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AMQPError("interrupted while processing events", e);
    }
    core.checkOpen();
  }

  /**
   * Sleeps for {@code seconds} while still running callbacks; pika's {@code sleep}. Use this, not
   * {@link Thread#sleep}, on a thread that consumes.
   */
  public void sleep(double seconds) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      processDataEvents(remaining / 1e9);
    }
  }

  /**
   * Asks the connection's dispatching thread to run {@code callback}; the one method other threads
   * may use to hand work to it, as pika's {@code add_callback_threadsafe}.
   */
  public void addCallbackThreadsafe(Runnable callback) {
    events.post(callback);
  }

  /** Adds a callback run (on the dispatching thread) when the broker blocks the connection. */
  public void addOnConnectionBlockedCallback(Consumer<String> callback) {
    blockedCallbacks.add(callback);
  }

  /** Adds a callback run (on the dispatching thread) when the broker unblocks the connection. */
  public void addOnConnectionUnblockedCallback(Runnable callback) {
    unblockedCallbacks.add(callback);
  }

  /** Closes the connection and all its channels (200 Normal shutdown). Does nothing if closed. */
  @Override
  public void close() {
    close(200, "Normal shutdown");
  }

  /** Closes the connection with the given reply code and text. Does nothing if already closed. */
  public void close(int replyCode, String replyText) {
    if (core.failure() == null) {
      core.checkNotIoThread();
      core.startClose(replyCode, replyText);
      Await.get(core.closed(), CLOSE_TIMEOUT_MILLIS);
    }
    Connector.shutdown(core, group);
  }

  EventQueue events() {
    return events;
  }

  ConnectionCore core() {
    return core;
  }

  @Override
  public String toString() {
    return "BlockingConnection[" + params + (isOpen() ? "" : ", closed") + "]";
  }
}
