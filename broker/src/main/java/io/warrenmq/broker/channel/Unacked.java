package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;

/**
 * A delivery awaiting its ack. Owns the entry's message reference. {@code consumer} is null for
 * basic.get deliveries, which take no prefetch credit.
 */
record Unacked(QueueEntry entry, MessageQueue queue, ChannelConsumer consumer) {}
