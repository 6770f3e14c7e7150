package io.warrenmq.broker.flow;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks memory in use against the high watermark every {@link #CHECK_INTERVAL} and tells the
 * broker when the alarm goes on or off; the broker then blocks or unblocks its publishers.
 *
 * <p>Confinement: the checks and the watermark run on one executor (the accept loop, which is
 * otherwise idle); {@link #isRaised} is a volatile read, safe anywhere. The alarm flag is written
 * before {@code onChange} runs, so a connection that reads it after missing the notification still
 * sees the new state.
 */
public final class MemoryMonitor implements MemoryAlarm {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryMonitor.class);

  /** How often memory is measured: often enough to stop a fast publisher within a few MB. */
  public static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

  private final MemoryGauge gauge;
  private final MemoryWatermark watermark;
  private final Runnable onChange;
  private volatile boolean raised;
  private ScheduledFuture<?> task;

  /**
   * @param onChange runs on the monitor's executor after each transition; must not block
   */
  public MemoryMonitor(MemoryGauge gauge, MemoryWatermark watermark, Runnable onChange) {
    this.gauge = gauge;
    this.watermark = watermark;
    this.onChange = onChange;
  }

  /** Starts the periodic check on {@code executor}. */
  public void start(EventExecutor executor) {
    long millis = CHECK_INTERVAL.toMillis();
    task = executor.scheduleAtFixedRate(this::checkSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops checking; the alarm keeps its last state. */
  public void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  @Override
  public boolean isRaised() {
    return raised;
  }

  /** A failure must not end the schedule (a periodic task that throws is never run again). */
  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.error("memory check failed", e);
    }
  }

  /** One reading; package-private for tests. */
  void check() {
    long used = gauge.usedBytes();
    switch (watermark.update(used)) {
      case RAISED -> {
        LOG.warn(
            "memory alarm set: {} bytes in use, high watermark {}; blocking publishers",
            used,
            watermark.high());
        raised = true;
        onChange.run();
      }
      case CLEARED -> {
        LOG.info(
            "memory alarm cleared: {} bytes in use, under {}; unblocking publishers",
            used,
            watermark.low());
        raised = false;
        onChange.run();
      }
      case NONE -> {}
    }
  }
}
