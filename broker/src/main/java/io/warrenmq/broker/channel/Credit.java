package io.warrenmq.broker.channel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A prefetch window: how many unacked deliveries may be outstanding. Acquired on queue executors
 * (any number of them, for a channel-wide window), released on the channel's event loop, hence
 * atomic. A limit of 0 means unlimited (spec basic.qos prefetch-count).
 */
final class Credit {
  private final AtomicInteger used = new AtomicInteger();
  private volatile int limit;

  Credit(int limit) {
    this.limit = limit;
  }

  void setLimit(int limit) {
    this.limit = limit;
  }

  boolean isLimited() {
    return limit != 0;
  }

  boolean tryAcquire() {
    while (true) {
      int current = used.get();
      int max = limit;
      if (max != 0 && current >= max) {
        return false;
      }
      if (used.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  void release() {
    used.decrementAndGet();
  }
}
