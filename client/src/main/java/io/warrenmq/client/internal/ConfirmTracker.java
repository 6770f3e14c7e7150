package io.warrenmq.client.internal;

import io.warrenmq.client.AMQPError;
import io.warrenmq.client.NackError;
import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.client.UnroutableError;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Publisher confirms for one channel in pika's blocking style: each publish waits for the broker's
 * ack of its sequence number before the next one goes out (the channel's publish lock keeps one in
 * flight). A basic.return that arrives before the ack makes the publish fail with {@link
 * UnroutableError}; a basic.nack with {@link NackError}.
 *
 * <p>The I/O thread reports acks, nacks, returns and closure; the one publishing thread waits. The
 * wait is lock-free: it may spin briefly (a confirm from a local broker can come back within that
 * time, and then the I/O thread needs no futex call to wake the waiter), then parks; the I/O thread
 * unparks it only when it actually parked. {@code LockSupport} does not pin virtual threads.
 */
public final class ConfirmTracker {
  private static final int PENDING = 0;
  private static final int ACK = 1;
  private static final int NACK = 2;

  /**
   * How long a waiter spins before parking: 10 µs where cores are plentiful, none on two cores or
   * fewer, where the spinner would take the CPU the I/O thread (and often the broker) needs to
   * produce the ack. {@code -Dwarrenmq.confirmSpinNanos} overrides it.
   */
  private static final long SPIN_NANOS =
      Long.getLong(
          "warrenmq.confirmSpinNanos", Runtime.getRuntime().availableProcessors() > 2 ? 10_000 : 0);

  /** Returns for the publish in flight; written by the I/O thread before it sets the outcome. */
  private final Queue<ReturnedMessage> returned = new ConcurrentLinkedQueue<>();

  private long published;
  private volatile long awaited;
  private volatile int outcome = PENDING;
  private volatile Failure failure;
  private volatile Thread parked;

  /** Takes the next sequence number for a publish about to be written; returns it. */
  public long next() {
    returned.clear();
    outcome = PENDING;
    awaited = ++published;
    return published;
  }

  /** Records a basic.return for the publish in flight; I/O thread. */
  public void onReturn(ReturnedMessage message) {
    returned.add(message);
  }

  /** Records a basic.ack or basic.nack; I/O thread. */
  public void onConfirm(long deliveryTag, boolean multiple, boolean ack) {
    long wanted = awaited;
    if (outcome == PENDING && (deliveryTag == wanted || (multiple && deliveryTag >= wanted))) {
      outcome = ack ? ACK : NACK;
      wake();
    }
  }

  /** Records that the channel ended; waiting publishers fail. */
  public void onClosed(Failure why) {
    failure = why;
    wake();
  }

  private void wake() {
    Thread waiter = parked;
    if (waiter != null) {
      LockSupport.unpark(waiter);
    }
  }

  /**
   * Waits for the confirm of {@code sequence}.
   *
   * @param message the published message, reported in a {@link NackError}
   */
  public void await(long sequence, ReturnedMessage message) {
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    while (outcome == PENDING && failure == null && System.nanoTime() - spinUntil < 0) {
      Thread.onSpinWait();
    }
    if (outcome == PENDING && failure == null) {
      park(sequence);
    }
    int result = outcome;
    if (result == PENDING) {
      throw failure.toException();
    }
    if (result == NACK) {
      throw new NackError(List.of(message));
    }
    if (!returned.isEmpty()) {
      throw new UnroutableError(new ArrayList<>(returned));
    }
  }

  private void park(long sequence) {
    // Publish the parked thread, then look again: the I/O thread sets the outcome, then reads
    // `parked`, so one of the two sides always sees the other (both fields are volatile).
    parked = Thread.currentThread();
    try {
      while (outcome == PENDING && failure == null) {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw new AMQPError("interrupted while waiting for the confirm of " + sequence);
        }
      }
    } finally {
      parked = null;
    }
  }
}
