package io.warrenmq.client.internal;

import io.warrenmq.client.AMQPError;
import io.warrenmq.client.NackError;
import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.client.UnroutableError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publisher confirms for one channel in pika's blocking style: each publish waits for the broker's
 * ack of its sequence number before the next one goes out (the channel's publish lock keeps one in
 * flight). A basic.return that arrives before the ack makes the publish fail with {@link
 * UnroutableError}; a basic.nack with {@link NackError}.
 *
 * <p>The I/O thread reports acks, nacks, returns and closure; the publishing thread waits. Guarded
 * by a ReentrantLock so that waiting virtual threads are not pinned.
 */
public final class ConfirmTracker {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<ReturnedMessage> returned = new ArrayList<>();
  private long published;
  private long awaited;
  private Boolean outcome;
  private Failure failure;

  /** Takes the next sequence number for a publish about to be written; returns it. */
  public long next() {
    lock.lock();
    try {
      awaited = ++published;
      outcome = null;
      returned.clear();
      return awaited;
    } finally {
      lock.unlock();
    }
  }

  /** Records a basic.return for the publish in flight; I/O thread. */
  public void onReturn(ReturnedMessage message) {
    lock.lock();
    try {
      returned.add(message);
    } finally {
      lock.unlock();
    }
  }

  /** Records a basic.ack or basic.nack; I/O thread. */
  public void onConfirm(long deliveryTag, boolean multiple, boolean ack) {
    lock.lock();
    try {
      if (outcome == null && (deliveryTag == awaited || (multiple && deliveryTag >= awaited))) {
        outcome = ack;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Records that the channel ended; waiting publishers fail. */
  public void onClosed(Failure why) {
    lock.lock();
    try {
      failure = why;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the confirm of {@code sequence}.
   *
   * @param message the published message, reported in a {@link NackError}
   */
  public void await(long sequence, ReturnedMessage message) {
    lock.lock();
    try {
      while (outcome == null && failure == null) {
        changed.await();
      }
      if (outcome == null) {
        throw failure.toException();
      }
      if (!outcome) {
        throw new NackError(List.of(message));
      }
      if (!returned.isEmpty()) {
        throw new UnroutableError(new ArrayList<>(returned));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AMQPError("interrupted while waiting for the confirm of " + sequence, e);
    } finally {
      lock.unlock();
    }
  }
}
