package io.warrenmq.broker.connection;

import io.netty.channel.ChannelHandlerContext;

/**
 * Batches the writes of one event-loop turn (e.g. many deliveries) into one flush: writes made
 * while a read is handled wait for the flush at the end of the read; writes made outside a read
 * (queues delivering, the store confirming) schedule one flush for later in the turn.
 *
 * <p>Confinement: the connection's event loop.
 */
final class FlushBatcher {
  private final ChannelHandlerContext ctx;
  private final Runnable flushTask = this::flush;
  private boolean inRead;
  private boolean flushScheduled;
  private boolean unflushed;
  private long lastFlushNanos;

  FlushBatcher(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.lastFlushNanos = System.nanoTime();
  }

  /** Writes without flushing; the flush comes at the end of the read or turn. */
  void write(Object frameOrCommand) {
    ctx.write(frameOrCommand, ctx.voidPromise());
    unflushed = true;
    if (!inRead) {
      scheduleFlush();
    }
  }

  /** A read began: its writes wait for {@link #readComplete}. */
  void readStarted() {
    inRead = true;
  }

  /** The read is over: later writes schedule their own flush (the caller flushes this read's). */
  void readComplete() {
    inRead = false;
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      ctx.executor().execute(flushTask);
    }
  }

  /**
   * Flushes everything written so far. A read that wrote nothing (e.g. publishes without confirms)
   * costs no trip through the pipeline, and does not count as a write for heartbeats.
   */
  void flush() {
    flushScheduled = false;
    if (unflushed) {
      unflushed = false;
      lastFlushNanos = System.nanoTime();
      ctx.flush();
    }
  }

  /** When something written through here was last flushed ({@link System#nanoTime}). */
  long lastFlushNanos() {
    return lastFlushNanos;
  }
}
