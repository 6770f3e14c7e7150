package io.warrenmq.broker.queue;

import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.StoreRef;

/**
 * Every way a message leaves one queue other than by delivery: settled (acked, delivered no-ack),
 * dropped (purge, delete, overflow, expiry), rejected without requeue, and dead-lettered on the way
 * out when the queue has a dead-letter exchange. A persistent message's removal is recorded in the
 * store like an ack, except while the broker stops (the message must come back at the next start).
 *
 * <p>Confinement: {@link #drop} and {@link #stopping} on the queue's executor; {@link #settled} and
 * {@link #rejected} are thread-safe (the store queues its records, dead-lettering is lock-free).
 */
final class Disposal {
  private final QueueSettings settings;
  private final MessageStore store;
  private final DeadLetters deadLetters;
  private boolean stopped;

  /** {@code store} and {@code deadLetters} are null when the queue has none. */
  Disposal(QueueSettings settings, MessageStore store, DeadLetters deadLetters) {
    this.settings = settings;
    this.store = store;
    this.deadLetters = deadLetters;
  }

  /** The broker is stopping: drops from now on record nothing. */
  void stopping() {
    stopped = true;
  }

  /** Forgets {@code message} in the store; does not release. */
  void settled(Message message) {
    settledPagedOut(message.storeRef());
  }

  void settledPagedOut(StoreRef ref) {
    if (store != null && ref != null) {
      store.remove(settings.vhost(), settings.name(), ref);
    }
  }

  /** Releases a message the queue drops; takes ownership. */
  void drop(Message message) {
    if (!stopped) {
      settled(message);
    }
    message.release();
  }

  /** As {@link #drop(Message)}; a paged-out entry is settled without being read back. */
  void drop(QueueEntry entry) {
    if (entry.isPagedOut()) {
      if (!stopped) {
        settledPagedOut(entry.pagedRef());
      }
    } else {
      drop(entry.message());
    }
  }

  /** Dead-letters (when the queue has a DLX) and drops an entry in memory; takes ownership. */
  void deadLetter(QueueEntry entry, DeadLetters.Reason reason) {
    deadLetter(entry.message(), reason);
  }

  /** Dead-letters (when the queue has a DLX) and drops {@code message}; takes ownership. */
  void deadLetter(Message message, DeadLetters.Reason reason) {
    if (deadLetters != null) {
      deadLetters.deadLetter(message, reason);
    }
    drop(message);
  }

  /** A consumer rejected {@code message} without requeue; takes ownership. Thread-safe. */
  void rejected(Message message) {
    if (deadLetters != null) {
      deadLetters.deadLetter(message, DeadLetters.Reason.REJECTED);
    }
    settled(message);
    message.release();
  }
}
