package io.warrenmq.broker.flow;

import java.util.Locale;

/**
 * What "memory in use" means, in the spirit of RabbitMQ's {@code vm_memory_calculation_strategy}.
 */
public enum MemoryCalculation {
  /**
   * The JVM's view: heap held as of the last collection plus direct memory in use (Netty's count,
   * or the bytes of queued messages if that is larger). The default, compared with a share of heap
   * plus direct maximum.
   */
  JVM,
  /**
   * Only the bytes of the message bodies the queues hold ready: exact and free of GC noise, for an
   * embedded broker that shares its heap with an application, and for tests.
   */
  QUEUED;

  /** Parses {@code jvm} or {@code queued}, in any case. */
  public static MemoryCalculation parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "memory.calculation_strategy must be jvm or queued, not " + text, e);
    }
  }
}
