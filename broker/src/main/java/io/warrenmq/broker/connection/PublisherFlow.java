package io.warrenmq.broker.connection;

import io.netty.channel.ChannelHandlerContext;
import io.warrenmq.broker.flow.MemoryAlarm;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Connection;

/**
 * Publisher flow control for one connection, as RabbitMQ does it: while the memory alarm is on, a
 * connection that has published stops being read (autoRead off, so TCP pushes back on the client)
 * and, if it announced the {@code connection.blocked} capability, is told so; when the alarm clears
 * it is told {@code connection.unblocked} and reading resumes. A connection that only consumes is
 * never blocked, so its acks keep flowing and memory drains.
 *
 * <p>Confinement: the connection's event loop. The alarm is read from any thread (volatile); the
 * broker asks every connection to {@link #recheck} it after each change.
 */
final class PublisherFlow {
  private final ChannelHandlerContext ctx;
  private final MemoryAlarm alarm;
  private final boolean notifyClient;
  private boolean publisher;
  private boolean blocked;

  /**
   * @param notifyClient whether the client announced the {@code connection.blocked} capability
   */
  PublisherFlow(ChannelHandlerContext ctx, MemoryAlarm alarm, boolean notifyClient) {
    this.ctx = ctx;
    this.alarm = alarm;
    this.notifyClient = notifyClient;
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
   * True while reads are paused: missing heartbeats are then the broker's doing, not the peer's.
   */
  boolean isBlocked() {
    return blocked;
  }

  private void block() {
    blocked = true;
    ctx.channel().config().setAutoRead(false);
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
    Heartbeat heartbeat = ctx.pipeline().get(Heartbeat.class);
    if (heartbeat != null) {
      // Nothing was read while blocked; the peer gets a full heartbeat timeout from now.
      heartbeat.resetReadTimeout();
    }
    ctx.channel().config().setAutoRead(true);
  }
}
