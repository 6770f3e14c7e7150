package io.warrenmq.broker.flow;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ's free disk space alarm: the free space of the disk holding the data directory is read
 * every {@link #CHECK_INTERVAL}; under {@code disk_free_limit} the alarm is set and publishers are
 * blocked as for the memory alarm, until there is room again.
 *
 * <p>Confinement: readings run on a thread of their own (a file system query may block, so never on
 * an event loop); {@link #isRaised} and {@link #freeBytes} are volatile reads, safe anywhere.
 */
public final class DiskMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(DiskMonitor.class);

  /** How often free space is read (RabbitMQ: at least every 10 s, more often near the limit). */
  public static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private final Path dir;
  private final long limitBytes;
  private final Runnable onChange;
  private volatile boolean raised;
  private volatile long freeBytes = -1;
  private ScheduledExecutorService executor;

  /**
   * @param onChange runs on the monitor's thread after each transition; must not block
   */
  public DiskMonitor(Path dir, long limitBytes, Runnable onChange) {
    this.dir = dir;
    this.limitBytes = limitBytes;
    this.onChange = onChange;
  }

  /** Takes a first reading at once (so a full disk blocks the very first publish), then checks. */
  public void start() {
    LOG.info("disk free limit set to {} bytes, on {}", limitBytes, dir);
    check();
    executor = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("warren-disk"));
    long millis = CHECK_INTERVAL.toMillis();
    executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
  }

  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** True while free disk space is under the limit and publishers must be blocked. */
  public boolean isRaised() {
    return raised;
  }

  /** The last reading of free bytes; -1 before the first. */
  public long freeBytes() {
    return freeBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }

  /** One reading; a failure keeps the last state (a periodic task that throws never runs again). */
  void check() {
    long free;
    try {
      free = Files.getFileStore(dir).getUsableSpace();
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot read the free disk space of {}", dir, e);
      return;
    }
    freeBytes = free;
    if (!raised && free < limitBytes) {
      LOG.warn(
          "disk alarm set: {} bytes free on {}, limit {}; blocking publishers",
          free,
          dir,
          limitBytes);
      raised = true;
      onChange.run();
    } else if (raised && free >= limitBytes) {
      LOG.info(
          "disk alarm cleared: {} bytes free, limit {}; unblocking publishers", free, limitBytes);
      raised = false;
      onChange.run();
    }
  }
}
