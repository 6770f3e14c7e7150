package io.warrenmq.broker.queue;

import java.util.List;

/**
 * A queue's ready messages in delivery order: one FIFO {@link ReadyList}, or one per priority
 * ({@link PriorityReady}). Confinement: the queue's executor. Ownership: the structure owns one
 * reference per entry in memory; {@link #pollFirst} and {@link #drain} hand them to the caller.
 */
interface Ready {
  /** Every ready entry, in memory or not. */
  int size();

  default boolean isEmpty() {
    return size() == 0;
  }

  /** The body bytes of the entries in memory. */
  long residentBytes();

  /** The body bytes of every ready entry (x-max-length-bytes counts these). */
  long bytes();

  /**
   * The message to enqueue for {@code message}, which is about to be appended: a compact copy when
   * this queue is deep (see {@link BodyChunks}), else {@code message} itself. Ownership passes.
   */
  Message compact(Message message);

  /** Appends a new message's entry (ownership passes). */
  void addLast(QueueEntry entry);

  /** Puts a requeued or bounced entry back in its original place near the front. */
  void addFirst(QueueEntry entry);

  /** Appends a paged-out entry recovered from the store, of {@code priority} (0-255). */
  void addRecovered(QueueEntry entry, int priority);

  /** The next entry if it is in memory; null when it is still on disk or there is none. */
  QueueEntry peekFirst();

  /** Takes the next entry if it is in memory (ownership passes); see {@link #peekFirst}. */
  QueueEntry pollFirst();

  /**
   * Whether new persistent messages may be paged out, as far as the queue's settings allow: a
   * policy bringing a TTL or a length limit turns it off (see {@link
   * QueueArguments#keepsMessagesInMemory}). Structures that never page ignore it.
   */
  default void pageNew(boolean page) {}

  /** Takes every entry, in order (purge, delete, stop). */
  List<QueueEntry> drain();
}
