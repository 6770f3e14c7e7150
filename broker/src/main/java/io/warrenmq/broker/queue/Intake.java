package io.warrenmq.broker.queue;

import io.warrenmq.broker.store.RecoveredMessages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every way a message enters a queue's ready list: published (at the tail, unless the length limit
 * refuses it), requeued (at the head, marked redelivered, in delivery order), bounced (at the head,
 * untouched) and recovered from the store (at the tail, redelivered, in its priority's place). New
 * entries take their place in the queue from one sequence counter, which is what lets a requeue
 * restore the original order.
 *
 * <p>Confinement: the queue's executor. The queue checks that it is not deleted first; each method
 * takes ownership of what it is given.
 */
final class Intake {
  private final Ready ready;
  private final HeadExpiry headExpiry;
  private final QueuePolicy policy;
  private final Disposal disposal;
  private long nextSeq;

  Intake(Ready ready, HeadExpiry headExpiry, QueuePolicy policy, Disposal disposal) {
    this.ready = ready;
    this.headExpiry = headExpiry;
    this.policy = policy;
    this.disposal = disposal;
  }

  /** Adds {@code message} at the tail; false when the queue is full and refuses it. */
  boolean publish(Message message) {
    LengthLimit limit = policy.limit();
    if (limit != null && limit.refuses(ready, message, disposal)) {
      return false;
    }
    ready.addLast(headExpiry.newEntry(message, nextSeq++));
    return true;
  }

  /** Puts unacked entries back at the head, marked redelivered, in their original order. */
  void requeue(List<QueueEntry> entries) {
    List<QueueEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(QueueEntry::seq).reversed());
    for (QueueEntry entry : sorted) {
      ready.addFirst(entry.asRedelivered());
    }
  }

  /** Puts back an entry a consumer could not take, as it was. */
  void bounce(QueueEntry entry) {
    ready.addFirst(entry);
  }

  /**
   * Adds messages recovered from the store at the tail, left on disk, each with its expiry counted
   * from its enqueue time before the restart.
   */
  void restore(RecoveredMessages messages) {
    for (int i = 0; i < messages.size(); i++) {
      QueueEntry entry =
          headExpiry.recoveredEntry(
              messages.ref(i),
              nextSeq++,
              messages.recordSize(i),
              messages.enqueuedAt(i),
              messages.expiration(i));
      ready.addRecovered(entry, messages.priority(i));
    }
  }
}
