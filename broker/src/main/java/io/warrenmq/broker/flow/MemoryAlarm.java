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
}
