package io.warrenmq.broker.connection;

import io.netty.channel.ChannelHandlerContext;
import io.warrenmq.broker.flow.MemoryAlarm;
import io.warrenmq.broker.queue.DrainListener;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Connection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Publisher flow control for one connection, as RabbitMQ does it, for two reasons:
 *
 * <ul>
 *   <li>The memory (or disk) alarm: while it is on, a connection that has published stops being
 *       read (autoRead off, so TCP pushes back on the client) and, if it announced the {@code
 *       connection.blocked} capability, is told so; when the alarm clears it is told {@code
 *       connection.unblocked} and reading resumes. A connection that only consumes is never
 *       blocked, so its acks keep flowing and memory drains.
 *   <li>Queue credit: a connection that routed a message to an overloaded queue (consumers far
 *       behind, see {@link MessageQueue#isOverloaded}) stops being read until every such queue has
 *       drained. Silent, as RabbitMQ's credit flow (its connection state {@code flow}): no {@code
 *       connection.blocked}. Frames already read are still handled, so no message is dropped.
 * </ul>
 *
 * Reading resumes only when neither holds. Heartbeats missed meanwhile are the broker's doing, not
 * the peer's: {@link Heartbeat} restarts its clock while reading is off, and again on resuming.
 *
 * <p>Confinement: the connection's event loop. The alarm is read from any thread (volatile); the
 * broker asks every connection to {@link #recheck} it after each change. Queues tell {@link
 * #drained} on their executors; it hops here.
 */
final class PublisherFlow implements DrainListener {
  private final ChannelHandlerContext ctx;
  private final MemoryAlarm alarm;
  private final boolean notifyClient;
  private final Predicate<MessageQueue> consumesWithAcks;
  private final Set<MessageQueue> waitingOn = new HashSet<>();
  private boolean publisher;
  private boolean blocked;
  private boolean paused;
  private volatile boolean inFlow;

  /**
   * @param notifyClient whether the client announced the {@code connection.blocked} capability
   * @param consumesWithAcks whether this connection has a consumer that acks on a queue: pausing
   *     for that queue would stop reading the very acks that drain it
   */
  PublisherFlow(
      ChannelHandlerContext ctx,
      MemoryAlarm alarm,
      boolean notifyClient,
      Predicate<MessageQueue> consumesWithAcks) {
    this.ctx = ctx;
    this.alarm = alarm;
    this.notifyClient = notifyClient;
    this.consumesWithAcks = consumesWithAcks;
  }

  /**
   * A basic.publish arrived: the connection is a publisher from now on, blocked at once if the
   * alarm is on. Frames already read in this turn are still handled; nothing more is read.
   */
  void published() {
    if (!publisher) {
      publisher = true;
      recheck();
    }
  }

  /** The alarm may have changed: block or unblock to match it. */
  void recheck() {
    if (alarm.isRaised()) {
      if (publisher && !blocked) {
        block();
      }
    } else if (blocked) {
      unblock();
    }
  }

  /**
   * A message was just routed to {@code queue}, which is overloaded: reading pauses until it
   * drains. Cheap when already waiting on it (the rest of the read's publishes).
   */
  void routedToOverloaded(MessageQueue queue) {
    if (waitingOn.contains(queue) || consumesWithAcks.test(queue)) {
      return;
    }
    waitingOn.add(queue);
    inFlow = true;
    pauseReading();
    queue.awaitDrain(this);
  }

  /** On the queue's executor: hops to the event loop. */
  @Override
  public void drained(MessageQueue queue) {
    ctx.executor().execute(() -> queueDrained(queue));
  }

  private void queueDrained(MessageQueue queue) {
    if (waitingOn.remove(queue) && waitingOn.isEmpty()) {
      inFlow = false;
      resumeReadingIfFree();
    }
  }

  /** The connection closed: the queues it waited on forget it. */
  void closed() {
    waitingOn.forEach(queue -> queue.cancelDrainWait(this));
    waitingOn.clear();
    inFlow = false;
  }

  /** True while paused for queue credit (RabbitMQ's connection state {@code flow}). Any thread. */
  boolean isInFlow() {
    return inFlow;
  }

  private void block() {
    blocked = true;
    pauseReading();
    if (notifyClient) {
      ctx.writeAndFlush(
          new MethodFrame(0, new Connection.Blocked(alarm.reason())), ctx.voidPromise());
    }
  }

  private void unblock() {
    blocked = false;
    if (notifyClient) {
      ctx.writeAndFlush(new MethodFrame(0, Connection.Unblocked.INSTANCE), ctx.voidPromise());
    }
    resumeReadingIfFree();
  }

  private void pauseReading() {
    if (!paused) {
      paused = true;
      ctx.channel().config().setAutoRead(false);
    }
  }

  private void resumeReadingIfFree() {
    if (!paused || blocked || !waitingOn.isEmpty()) {
      return;
    }
    paused = false;
    Heartbeat heartbeat = ctx.pipeline().get(Heartbeat.class);
    if (heartbeat != null) {
      // Nothing was read while blocked; the peer gets a full heartbeat timeout from now.
      heartbeat.resetReadTimeout();
    }
    ctx.channel().config().setAutoRead(true);
  }
}
