package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;

/**
 * A delivery awaiting its ack. Owns the entry's message reference. {@code consumer} is null for
 * basic.get deliveries, which take no prefetch credit; {@code deliveredAt} ({@link
 * System#nanoTime}) is for the consumer timeout.
 */
record Unacked(QueueEntry entry, MessageQueue queue, ChannelConsumer consumer, long deliveredAt) {

  Unacked(QueueEntry entry, MessageQueue queue, ChannelConsumer consumer) {
    this(entry, queue, consumer, System.nanoTime());
  }
}
