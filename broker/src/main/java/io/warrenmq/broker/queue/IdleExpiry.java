package io.warrenmq.broker.queue;

import io.netty.util.concurrent.EventExecutor;
import java.util.function.BooleanSupplier;

/**
 * {@code x-expires}: the queue deletes itself once unused for that long, unused meaning no
 * consumers, no basic.get and no redeclare (RabbitMQ; publishing does not count). Confinement: the
 * queue's executor.
 */
final class IdleExpiry {
  private final long expiresMs;
  private final BooleanSupplier inUse;
  private final Runnable expire;
  private final Timer timer;
  private long lastUsed;

  /** {@code inUse} is true while consumers are attached; {@code expire} deletes the queue. */
  IdleExpiry(EventExecutor executor, long expiresMs, BooleanSupplier inUse, Runnable expire) {
    this.expiresMs = expiresMs;
    this.inUse = inUse;
    this.expire = expire;
    this.timer = new Timer(executor, this::timeUp);
  }

  /** The queue was used: the idle time counts from now. */
  void used() {
    lastUsed = System.currentTimeMillis();
    timer.runAt(lastUsed + expiresMs);
  }

  private void timeUp() {
    if (inUse.getAsBoolean()) {
      return; // counted again from when the last consumer leaves
    }
    long due = lastUsed + expiresMs;
    if (System.currentTimeMillis() < due) {
      timer.runAt(due); // used since the timer was set
      return;
    }
    expire.run();
  }

  void cancel() {
    timer.cancel();
  }
}
