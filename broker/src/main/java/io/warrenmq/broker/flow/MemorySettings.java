package io.warrenmq.broker.flow;

import io.netty.util.internal.PlatformDependent;
import java.util.Properties;

/**
 * The memory high watermark: over it, publishers are blocked (RabbitMQ's {@code
 * vm_memory_high_watermark}).
 *
 * @param highWatermark the share (0 to 1] of the memory the broker may use (max heap plus max
 *     direct memory) above which publishers are blocked
 * @param highWatermarkBytes an absolute watermark in bytes that overrides the share; 0 for none
 * @param calculation what counts as memory in use
 */
public record MemorySettings(
    double highWatermark, long highWatermarkBytes, MemoryCalculation calculation) {

  /** RabbitMQ's default: 40% of the available memory, measured as the JVM sees it. */
  public static final MemorySettings DEFAULTS = new MemorySettings(0.4, 0, MemoryCalculation.JVM);

  public MemorySettings {
    if (!(highWatermark > 0 && highWatermark <= 1)) {
      throw new IllegalArgumentException(
          "memory.high_watermark must be in (0, 1], not " + highWatermark);
    }
    if (highWatermarkBytes < 0) {
      throw new IllegalArgumentException(
          "memory.high_watermark.bytes must not be negative, not " + highWatermarkBytes);
    }
  }

  /** An absolute watermark of {@code bytes}, counting only queued message bytes (for tests). */
  public static MemorySettings queuedBytes(long bytes) {
    return new MemorySettings(DEFAULTS.highWatermark, bytes, MemoryCalculation.QUEUED);
  }

  /**
   * Applies {@code memory.high_watermark}, {@code memory.high_watermark.bytes} and {@code
   * memory.calculation_strategy} when present.
   */
  public MemorySettings withProperties(Properties properties) {
    String share = properties.getProperty("memory.high_watermark");
    String bytes = properties.getProperty("memory.high_watermark.bytes");
    String strategy = properties.getProperty("memory.calculation_strategy");
    return new MemorySettings(
        share == null ? highWatermark : Double.parseDouble(share.trim()),
        bytes == null ? highWatermarkBytes : Long.parseLong(bytes.trim()),
        strategy == null ? calculation : MemoryCalculation.parse(strategy));
  }

  /** The watermark in bytes: the override, or the share of max heap plus max direct memory. */
  public long limitBytes() {
    return limitBytes(Runtime.getRuntime().maxMemory(), PlatformDependent.maxDirectMemory());
  }

  long limitBytes(long maxHeap, long maxDirect) {
    if (highWatermarkBytes > 0) {
      return highWatermarkBytes;
    }
    return (long) (highWatermark * (maxHeap + maxDirect));
  }
}
