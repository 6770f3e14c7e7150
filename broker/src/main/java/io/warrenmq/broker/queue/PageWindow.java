package io.warrenmq.broker.queue;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How much of their persistent messages the durable queues keep in memory: each queue at most
 * {@link #perQueue()} bytes of ready messages (bodies plus a fixed charge per message for the
 * message object and its properties), all queues together at most {@link #total()}. Messages past
 * the window stay in the store and are read back as consumers catch up (see {@link ReadyList}).
 *
 * <p>Thread-safe: queues on different executors charge the shared total.
 */
public final class PageWindow {
  /** The memory charged per message besides its body: the objects and properties around it. */
  static final int MESSAGE_OVERHEAD = 256;

  /** Default per queue: 4 MiB ({@code -Dwarrenmq.queue.page_window_bytes}). */
  public static final long DEFAULT_PER_QUEUE = 4L * 1024 * 1024;

  /**
   * The broker's window: per queue from {@code warrenmq.queue.page_window_bytes}, in total from
   * {@code warrenmq.queue.page_window_total_bytes} (default: a quarter of the heap, at most 256
   * MiB).
   */
  public static final PageWindow DEFAULT =
      new PageWindow(
          Long.getLong("warrenmq.queue.page_window_bytes", DEFAULT_PER_QUEUE),
          Long.getLong(
              "warrenmq.queue.page_window_total_bytes",
              Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4)));

  private final long perQueue;
  private final long total;
  private final AtomicLong used = new AtomicLong();

  public PageWindow(long perQueue, long total) {
    this.perQueue = perQueue;
    this.total = total;
  }

  public long perQueue() {
    return perQueue;
  }

  public long total() {
    return total;
  }

  /** The bytes charged by all queues now. */
  public long used() {
    return used.get();
  }

  /** The memory a message in the window is charged for. */
  static long charge(Message message) {
    return message.size() + MESSAGE_OVERHEAD;
  }

  boolean hasRoomFor(long bytes) {
    return used.get() + bytes <= total;
  }

  void add(long bytes) {
    used.addAndGet(bytes);
  }
}
