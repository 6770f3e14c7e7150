package io.warrenmq.broker.flow;

/**
 * Whether the broker is over its memory high watermark: what a connection asks before it lets a
 * publisher go on. Safe on any thread.
 */
@FunctionalInterface
public interface MemoryAlarm {
  /** An alarm that never goes off. */
  MemoryAlarm NEVER = () -> false;

  /** True while memory in use is over the high watermark and publishers must be blocked. */
  boolean isRaised();

  /** The reason {@code connection.blocked} gives while the alarm is raised (RabbitMQ's text). */
  default String reason() {
    return "low on memory";
  }

  /**
   * This alarm or the disk alarm: raised while either is, with RabbitMQ's "low on disk" reason
   * while the disk one is.
   */
  static MemoryAlarm either(MemoryAlarm memory, DiskMonitor disk) {
    if (disk == null) {
      return memory;
    }
    return new MemoryAlarm() {
      @Override
      public boolean isRaised() {
        return memory.isRaised() || disk.isRaised();
      }

      @Override
      public String reason() {
        return disk.isRaised() ? "low on disk" : memory.reason();
      }
    };
  }
}
