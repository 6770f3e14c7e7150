package io.warrenmq.broker.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.warrenmq.model.HeartbeatFrame;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats of one connection (spec 4.2.7): sends one when nothing was written for an interval,
 * and closes the socket when the peer has been silent for two. A task checks every half interval
 * (as RabbitMQ's heartbeat processes do) against two timestamps: the last read, taken once per read
 * batch, and the last flush that carried something, taken by {@link FlushBatcher}. Netty's {@code
 * IdleStateHandler} would instead turn each write's void promise into a real one with a listener,
 * an allocation per frame on the hottest path.
 *
 * <p>While reading is paused by the broker (autoRead off: a blocked publisher), the peer's silence
 * is the broker's doing, so it does not count.
 *
 * <p>Confinement: the connection's event loop. Sits first in the pipeline, so raw bytes count as
 * activity even when they do not complete a frame.
 */
final class Heartbeat extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final int seconds;
  private final long intervalNanos;
  private final FlushBatcher flusher;
  private long lastReadNanos;
  private ScheduledFuture<?> task;

  /**
   * @param seconds the negotiated heartbeat, &gt; 0
   * @param flusher whose flushes count as writes, and which sends the heartbeat frames
   */
  Heartbeat(int seconds, FlushBatcher flusher) {
    this.seconds = seconds;
    this.intervalNanos = TimeUnit.SECONDS.toNanos(seconds);
    this.flusher = flusher;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    lastReadNanos = System.nanoTime();
    long periodNanos = intervalNanos / 2;
    task =
        ctx.executor()
            .scheduleAtFixedRate(() -> check(ctx), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stop();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    lastReadNanos = System.nanoTime();
    ctx.fireChannelReadComplete();
  }

  /** Reading resumes after a pause: the peer gets a full timeout from now. */
  void resetReadTimeout() {
    lastReadNanos = System.nanoTime();
  }

  private void check(ChannelHandlerContext ctx) {
    long now = System.nanoTime();
    if (!ctx.channel().config().isAutoRead()) {
      lastReadNanos = now; // nothing is read while paused: not the peer's silence
    } else if (now - lastReadNanos >= 2 * intervalNanos) {
      LOG.warn(
          "missed heartbeats from {}, timeout {}s, closing",
          ctx.channel().remoteAddress(),
          seconds);
      stop();
      ctx.close();
      return;
    }
    // Checked every half interval, so the gap between our frames never exceeds one interval.
    if (now - flusher.lastFlushNanos() >= intervalNanos / 2) {
      flusher.write(HeartbeatFrame.INSTANCE);
    }
  }

  private void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }
}
