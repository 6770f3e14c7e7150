package io.warrenmq.broker.queue;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One pending wake-up of a queue at a wall-clock time (the head's expiry, the queue's own expiry):
 * a single scheduled task on the queue's executor, moved earlier when needed, so no thread or task
 * per message. Confinement: the queue's executor.
 */
final class Timer {
  private final EventExecutor executor;
  private final Runnable task;
  private ScheduledFuture<?> pending;
  private long at = Long.MAX_VALUE;

  Timer(EventExecutor executor, Runnable task) {
    this.executor = executor;
    this.task = task;
  }

  /** Runs the task at {@code when} (epoch ms) unless it already runs no later. */
  void runAt(long when) {
    if (pending != null && at <= when) {
      return;
    }
    cancel();
    at = when;
    long delay = Math.max(0, when - System.currentTimeMillis());
    pending =
        executor.schedule(
            () -> {
              pending = null;
              at = Long.MAX_VALUE;
              task.run();
            },
            delay,
            TimeUnit.MILLISECONDS);
  }

  void cancel() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
      at = Long.MAX_VALUE;
    }
  }
}
