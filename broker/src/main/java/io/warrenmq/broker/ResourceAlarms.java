package io.warrenmq.broker;

import io.netty.util.concurrent.EventExecutor;
import io.warrenmq.broker.flow.DiskMonitor;
import io.warrenmq.broker.flow.MemoryAlarm;
import io.warrenmq.broker.flow.MemoryGauge;
import io.warrenmq.broker.flow.MemoryMonitor;
import io.warrenmq.broker.flow.MemoryWatermark;
import java.util.function.LongSupplier;

/**
 * RabbitMQ's resource alarms for one run of the broker: the memory high watermark and, with a data
 * directory, the free disk space limit. Either one raised blocks publishers; every change goes to
 * one listener (the connection registry, which has each connection recheck).
 *
 * <p>Thread-safety: started and stopped under the {@link Broker}'s monitor; the alarm states are
 * volatile reads, asked by connections and metrics scrapes on any thread.
 */
final class ResourceAlarms {
  private final MemoryMonitor memory;
  private volatile DiskMonitor disk; // null without a data directory, and once stopped

  /**
   * Builds both monitors; the disk one takes its first reading now, so a full disk blocks the very
   * first publish. The memory checks start with {@link #startMemoryChecks}.
   */
  ResourceAlarms(BrokerConfig config, LongSupplier queuedBytes, Runnable onChange) {
    memory =
        new MemoryMonitor(
            MemoryGauge.of(config.memory().calculation(), queuedBytes),
            new MemoryWatermark(config.memory().limitBytes()),
            onChange);
    if (config.dataDir() != null) {
      disk = new DiskMonitor(config.dataDir(), config.diskFreeLimitBytes(), onChange);
      disk.start();
    }
  }

  /** Runs the memory checks on {@code executor} (the accept loop, idle most of the time). */
  void startMemoryChecks(EventExecutor executor) {
    memory.start(executor);
  }

  /** What a connection asks before it lets a publisher go on: raised while either alarm is. */
  MemoryAlarm alarm() {
    return MemoryAlarm.either(memory, disk);
  }

  boolean isMemoryRaised() {
    return memory.isRaised();
  }

  boolean isDiskRaised() {
    DiskMonitor current = disk;
    return current != null && current.isRaised();
  }

  /** Free bytes on the data directory's disk at the last check; -1 without a data directory. */
  long diskFreeBytes() {
    DiskMonitor current = disk;
    return current == null ? -1 : current.freeBytes();
  }

  /** Stops the checks; the memory alarm keeps its last state, the disk one is gone. */
  void stop() {
    memory.stop();
    DiskMonitor current = disk;
    if (current != null) {
      current.stop();
      disk = null;
    }
  }
}
