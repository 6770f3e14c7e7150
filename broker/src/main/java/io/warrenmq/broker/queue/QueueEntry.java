package io.warrenmq.broker.queue;

import io.warrenmq.broker.store.StoreRef;

/**
 * A message as one queue holds it. {@code seq} orders the queue's entries so that requeued messages
 * go back in their original order. The entry owns one reference to the message's body, handed from
 * holder to holder (queue, then channel) until an ack or a drop releases it.
 *
 * <p>A paged-out entry (only ever inside a queue, never delivered) has no message: only {@code
 * pagedRef}, where the store keeps it, and {@code pagedSize}, an estimate of its size once read
 * back. The queue reads it back before it reaches the head (see {@link ReadyList}).
 */
public record QueueEntry(
    Message message, long seq, boolean redelivered, StoreRef pagedRef, int pagedSize) {

  /** An entry in memory; takes ownership of one reference to {@code message}. */
  public QueueEntry(Message message, long seq, boolean redelivered) {
    this(message, seq, redelivered, null, 0);
  }

  /** An entry whose message is only in the store. */
  static QueueEntry pagedOut(StoreRef ref, long seq, boolean redelivered, int size) {
    return new QueueEntry(null, seq, redelivered, ref, size);
  }

  /** True when the message is on disk only. */
  public boolean isPagedOut() {
    return message == null;
  }

  /** The same entry, marked as delivered before (spec: basic.deliver redelivered). */
  public QueueEntry asRedelivered() {
    return redelivered ? this : new QueueEntry(message, seq, true, pagedRef, pagedSize);
  }
}
