package io.warrenmq.broker.queue;

import io.netty.util.concurrent.EventExecutor;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.model.AmqpException;
import java.util.function.Consumer;

/**
 * Message TTLs at the head of a queue, as RabbitMQ: expired messages are removed when they reach
 * the head (one {@link Timer} for the head's expiry, no task per message) and never delivered.
 * Until a message with an expiry arrives the queue never looks, so paged-out heads are not read
 * back for it. Confinement: the queue's executor.
 */
final class HeadExpiry {
  private final Ready ready;
  private long queueTtl;
  private final Consumer<QueueEntry> expire;
  private final Timer timer;
  private boolean mayExpire;

  /**
   * {@code queueTtl} is x-message-ttl or -1; {@code expire} dead-letters (if set) and drops an
   * expired entry; {@code wake} re-dispatches.
   */
  HeadExpiry(
      EventExecutor executor,
      Ready ready,
      long queueTtl,
      Consumer<QueueEntry> expire,
      Runnable wake) {
    this.ready = ready;
    this.queueTtl = queueTtl;
    this.expire = expire;
    this.timer = new Timer(executor, wake);
  }

  /**
   * A policy changed x-message-ttl: it applies to messages enqueued from now on, as in RabbitMQ (a
   * message's expiry is fixed when it is enqueued).
   */
  void queueTtl(long ttl) {
    this.queueTtl = ttl;
  }

  /**
   * The entry of a newly enqueued message, with its expiry when it has one; takes ownership. The
   * entry may hold a compact copy of the message instead (see {@link Ready#compact}).
   */
  QueueEntry newEntry(Message published, long seq) {
    Message message = ready.compact(published);
    if (queueTtl < 0
        && (message.properties() == null || message.properties().expiration() == null)) {
      return new QueueEntry(message, seq, false);
    }
    mayExpire = true;
    return QueueEntry.expiring(
        message, seq, MessageTtl.expiresAt(message, queueTtl, System.currentTimeMillis()));
  }

  /**
   * The entry of a message recovered from the store (paged out), expiring at its enqueue time plus
   * its TTL: one whose time passed while the broker was down expires as soon as it reaches the
   * head. {@code enqueuedAt} is -1 when the store did not record it (an older format): the TTL then
   * counts from now.
   */
  QueueEntry recoveredEntry(StoreRef ref, long seq, int size, long enqueuedAt, String expiration) {
    long expiresAt = QueueEntry.NEVER;
    if (queueTtl >= 0 || expiration != null) {
      long since = enqueuedAt < 0 ? System.currentTimeMillis() : enqueuedAt;
      try {
        expiresAt = MessageTtl.expiresAt(expiration, queueTtl, since);
      } catch (AmqpException e) {
        // Checked at publish, so not expected; should a stored one not parse, the queue's TTL
        // holds.
        expiresAt = MessageTtl.expiresAt((String) null, queueTtl, since);
      }
      mayExpire |= expiresAt != QueueEntry.NEVER;
    }
    return QueueEntry.pagedOut(ref, seq, true, size, expiresAt);
  }

  /**
   * True when {@code head} is strictly past its time: a message with TTL 0 still goes to a consumer
   * that can take it in the same instant.
   */
  static boolean isPastDue(QueueEntry head) {
    return head.expiresAt() != QueueEntry.NEVER && head.expiresAt() < System.currentTimeMillis();
  }

  /** Drops the expired entries at the head and sets the timer for the next one. */
  void expireHead() {
    if (!mayExpire) {
      return;
    }
    QueueEntry head = ready.peekFirst();
    if (head == null || head.expiresAt() == QueueEntry.NEVER) {
      return;
    }
    long now = System.currentTimeMillis();
    while (head != null && head.expiresAt() <= now) {
      expire.accept(ready.pollFirst());
      head = ready.peekFirst();
    }
    if (head != null && head.expiresAt() != QueueEntry.NEVER) {
      timer.runAt(head.expiresAt());
    }
  }

  void cancel() {
    timer.cancel();
  }
}
