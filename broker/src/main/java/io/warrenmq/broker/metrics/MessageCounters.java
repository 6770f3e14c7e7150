package io.warrenmq.broker.metrics;

import io.warrenmq.broker.queue.MessageQueue;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The broker's message totals since start (RabbitMQ's {@code rabbitmq_global_messages_*}), the
 * deliveries awaiting ack per queue and the open channels. Written by every event loop (striped
 * adders, no locks on the hot path), read by the metrics endpoint.
 */
public final class MessageCounters {
  /** Counters nobody reads, for channels and tests without a broker. */
  public static final MessageCounters NONE = new MessageCounters();

  private final LongAdder received = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder channels = new LongAdder();
  private final ConcurrentHashMap<MessageQueue, LongAdder> unacked = new ConcurrentHashMap<>();

  /** A basic.publish came in. */
  public void received() {
    received.increment();
  }

  /** A basic.deliver or basic.get-ok went out. */
  public void delivered() {
    delivered.increment();
  }

  /** {@code count} deliveries were acknowledged (one basic.ack may ack many). */
  public void acknowledged(int count) {
    acknowledged.add(count);
  }

  /**
   * A delivery from {@code queue} now awaits its ack ({@code +1}) or no longer does ({@code -1}).
   */
  public void unacked(MessageQueue queue, int change) {
    unacked.computeIfAbsent(queue, q -> new LongAdder()).add(change);
  }

  /** {@code change} channels were opened (positive) or closed (negative). */
  public void channels(int change) {
    channels.add(change);
  }

  /** The open channels of every connection. */
  public long openChannels() {
    return channels.sum();
  }

  public long receivedTotal() {
    return received.sum();
  }

  public long deliveredTotal() {
    return delivered.sum();
  }

  public long acknowledgedTotal() {
    return acknowledged.sum();
  }

  /** The deliveries from {@code queue} awaiting ack. */
  public long unackedOf(MessageQueue queue) {
    LongAdder count = unacked.get(queue);
    return count == null ? 0 : Math.max(0, count.sum());
  }

  /** Forgets the counts of queues that are gone (called on each scrape, so they do not pile up). */
  public void retainQueues(Collection<MessageQueue> live) {
    Set<MessageQueue> keep = Set.copyOf(live);
    unacked.keySet().removeIf(queue -> !keep.contains(queue));
  }
}
