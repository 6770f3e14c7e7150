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
 *
 * <p>{@code expiresAt} (epoch ms) is when a queue with TTLs drops the entry; {@link #NEVER} else.
 */
public record QueueEntry(
    Message message,
    long seq,
    boolean redelivered,
    StoreRef pagedRef,
    int pagedSize,
    long expiresAt) {

  /** {@link #expiresAt} of a message that never expires. */
  public static final long NEVER = Long.MAX_VALUE;

  /** An entry in memory; takes ownership of one reference to {@code message}. */
  public QueueEntry(Message message, long seq, boolean redelivered) {
    this(message, seq, redelivered, null, 0, NEVER);
  }

  /** An entry in memory expiring at {@code expiresAt} (epoch ms); takes ownership. */
  static QueueEntry expiring(Message message, long seq, long expiresAt) {
    return new QueueEntry(message, seq, false, null, 0, expiresAt);
  }

  /** An entry whose message is only in the store, expiring at {@code expiresAt}. */
  static QueueEntry pagedOut(
      StoreRef ref, long seq, boolean redelivered, int size, long expiresAt) {
    return new QueueEntry(null, seq, redelivered, ref, size, expiresAt);
  }

  /** This entry paged out: only its ref, size and expiry stay. */
  QueueEntry pagedOut() {
    return new QueueEntry(null, seq, redelivered, message.storeRef(), message.size(), expiresAt);
  }

  /** This paged-out entry back in memory with {@code read}. */
  QueueEntry loaded(Message read) {
    return new QueueEntry(read, seq, redelivered, null, 0, expiresAt);
  }

  /** This entry holding {@code copy}, a compact copy of its message, instead. */
  QueueEntry withMessage(Message copy) {
    return new QueueEntry(copy, seq, redelivered, pagedRef, pagedSize, expiresAt);
  }

  /** The body size, whether the message is in memory or not. */
  int size() {
    return message == null ? pagedSize : message.size();
  }

  /** True when the message is on disk only. */
  public boolean isPagedOut() {
    return message == null;
  }

  /** The same entry, marked as delivered before (spec: basic.deliver redelivered). */
  public QueueEntry asRedelivered() {
    return redelivered ? this : new QueueEntry(message, seq, true, pagedRef, pagedSize, expiresAt);
  }
}
