package io.warrenmq.broker.vhost;

import java.util.concurrent.atomic.LongAdder;

/**
 * A vhost's running totals of messages published, delivered (consumers and gets) and acked, for the
 * management API's {@code message_stats}. Counted on any event loop, hence adders; they only grow.
 */
public final class MessageCounters {
  private final LongAdder published = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder acked = new LongAdder();

  public void published(int count) {
    published.add(count);
  }

  public void delivered(int count) {
    delivered.add(count);
  }

  public void acked(int count) {
    acked.add(count);
  }

  public long published() {
    return published.sum();
  }

  public long delivered() {
    return delivered.sum();
  }

  public long acked() {
    return acked.sum();
  }
}
