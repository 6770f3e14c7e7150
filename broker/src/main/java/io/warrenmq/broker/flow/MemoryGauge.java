package io.warrenmq.broker.flow;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.internal.PlatformDependent;
import java.util.function.LongSupplier;

/**
 * Reads memory in use, cheaply enough to run every {@link MemoryMonitor#CHECK_INTERVAL}: no heap
 * walk, no GC, only counters the JVM and Netty already keep.
 */
@FunctionalInterface
public interface MemoryGauge {
  /** Memory in use, in bytes. */
  long usedBytes();

  /**
   * The gauge for {@code calculation}; {@code queuedBytes} sums the ready message bytes of every
   * queue (safe on any thread).
   */
  static MemoryGauge of(MemoryCalculation calculation, LongSupplier queuedBytes) {
    return switch (calculation) {
      case QUEUED -> queuedBytes::getAsLong;
      case JVM -> () -> heapInUse() + Math.max(directInUse(), queuedBytes.getAsLong());
    };
  }

  /**
   * Heap in use by live data as of the last collection, without the garbage allocated since (see
   * {@link LiveHeap}), so that an alarm raised by garbage clears without waiting for a collection
   * that a broker with only blocked publishers would never trigger.
   */
  static long heapInUse() {
    return LiveHeap.bytes();
  }

  /**
   * Direct memory in use: Netty's own counter when it allocates without cleaners, else what the
   * default (pooled) allocator holds in its arenas; the larger of the two.
   */
  static long directInUse() {
    long counted = PlatformDependent.usedDirectMemory();
    long pooled =
        ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
            ? provider.metric().usedDirectMemory()
            : -1;
    return Math.max(0, Math.max(counted, pooled));
  }
}
