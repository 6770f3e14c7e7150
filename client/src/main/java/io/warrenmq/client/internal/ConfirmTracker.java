package io.warrenmq.client.internal;

import io.warrenmq.client.AMQPError;
import io.warrenmq.client.ConfirmTimeoutError;
import io.warrenmq.client.NackError;
import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.client.UnroutableError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Publisher confirms for one channel. Every publish in confirm mode takes the next sequence number
 * and stays outstanding until the broker's basic.ack or basic.nack covers it. Either the publisher
 * waits for its own confirm ({@link #await}, pika's blocking style: a basic.return before the ack
 * makes it fail with {@link UnroutableError}, a nack with {@link NackError}), or publishes go on
 * and someone waits for all of them later ({@link #awaitAll}, the official client's {@code
 * waitForConfirms}); nacks and returns are then collected until that wait reports them.
 *
 * <p>The I/O thread reports acks, nacks, returns and closure; user threads wait. The wait is
 * lock-free: it may spin briefly (a confirm from a local broker can come back within that time, and
 * then the I/O thread needs no futex call to wake the waiter), then parks; the I/O thread unparks
 * only threads that actually parked. Ordering: the I/O thread records a nack or return before it
 * removes the sequence number from {@code outstanding}, and waiters look at {@code outstanding}
 * first, so a waiter that sees its number confirmed also sees its nack or return. {@code
 * LockSupport} does not pin virtual threads.
 */
public final class ConfirmTracker {
  /**
   * How long a waiter spins before parking: 10 µs where cores are plentiful, none on two cores or
   * fewer, where the spinner would take the CPU the I/O thread (and often the broker) needs to
   * produce the ack. {@code -Dwarrenmq.confirmSpinNanos} overrides it.
   */
  private static final long SPIN_NANOS =
      Long.getLong(
          "warrenmq.confirmSpinNanos", Runtime.getRuntime().availableProcessors() > 2 ? 10_000 : 0);

  private static final ReturnedMessage NO_MESSAGE = new ReturnedMessage(null, null, new byte[0]);

  /** Unconfirmed sequence numbers and their messages (reported in a {@link NackError}). */
  private final ConcurrentSkipListMap<Long, ReturnedMessage> outstanding =
      new ConcurrentSkipListMap<>();

  /** Messages nacked since the last wait reported them; written by the I/O thread. */
  private final Queue<ReturnedMessage> nacked = new ConcurrentLinkedQueue<>();

  /** Messages returned since the last wait reported them; written by the I/O thread. */
  private final Queue<ReturnedMessage> returned = new ConcurrentLinkedQueue<>();

  private final Queue<Thread> parked = new ConcurrentLinkedQueue<>();

  /** The last sequence number taken; written only under the channel's publish lock. */
  private volatile long published;

  private volatile Failure failure;

  /**
   * Takes the next sequence number for a publish that will {@link #await} its own confirm; nacks
   * and returns left over from earlier publishes are dropped.
   */
  public long next() {
    returned.clear();
    nacked.clear();
    return next(NO_MESSAGE);
  }

  /**
   * Takes the next sequence number for a publish about to be written, whose confirm is awaited
   * later or not at all. Call before writing the message, under the channel's publish lock.
   *
   * @param message the published message, reported in a {@link NackError}
   */
  public long next(ReturnedMessage message) {
    long sequence = published + 1;
    outstanding.put(sequence, message);
    published = sequence;
    return sequence;
  }

  /** The sequence number the next publish will take. */
  public long nextSequence() {
    return published + 1;
  }

  /** Records a basic.return; I/O thread. */
  public void onReturn(ReturnedMessage message) {
    returned.add(message);
  }

  /** Records a basic.ack or basic.nack; I/O thread. */
  public void onConfirm(long deliveryTag, boolean multiple, boolean ack) {
    if (multiple) {
      NavigableMap<Long, ReturnedMessage> covered = outstanding.headMap(deliveryTag, true);
      if (!ack) {
        nacked.addAll(covered.values());
      }
      covered.clear();
    } else if (ack) {
      outstanding.remove(deliveryTag);
    } else {
      ReturnedMessage message = outstanding.get(deliveryTag);
      if (message != null) {
        nacked.add(message);
        outstanding.remove(deliveryTag);
      }
    }
    wake();
  }

  /** Records that the channel ended; waiters fail. */
  public void onClosed(Failure why) {
    failure = why;
    wake();
  }

  private void wake() {
    for (Thread waiter : parked) {
      LockSupport.unpark(waiter);
    }
  }

  /**
   * Waits for the confirm of {@code sequence}, taken with {@link #next()}.
   *
   * @param message the published message, reported in a {@link NackError}
   */
  public void await(long sequence, ReturnedMessage message) {
    waitUntil(() -> !outstanding.containsKey(sequence), Long.MAX_VALUE, sequence);
    boolean wasNacked = !nacked.isEmpty();
    nacked.clear();
    if (wasNacked) {
      returned.clear();
      throw new NackError(List.of(message));
    }
    if (!returned.isEmpty()) {
      throw new UnroutableError(drain(returned));
    }
  }

  /**
   * Waits until every message published so far is acked or nacked, then reports the nacks and
   * returns collected since the last call.
   *
   * @param timeoutNanos how long to wait; {@link Long#MAX_VALUE} for ever
   * @param orDie throw {@link NackError} on a nack and {@link UnroutableError} on a return, rather
   *     than return false on a nack
   * @return true when no message was nacked
   * @throws ConfirmTimeoutError when the time runs out first
   */
  public boolean awaitAll(long timeoutNanos, boolean orDie) {
    long target = published;
    waitUntil(
        () -> {
          Map.Entry<Long, ReturnedMessage> oldest = outstanding.firstEntry();
          return oldest == null || oldest.getKey() > target;
        },
        timeoutNanos,
        target);
    List<ReturnedMessage> refused = drain(nacked);
    List<ReturnedMessage> unroutable = drain(returned);
    if (orDie && !refused.isEmpty()) {
      throw new NackError(refused);
    }
    if (orDie && !unroutable.isEmpty()) {
      throw new UnroutableError(unroutable);
    }
    return refused.isEmpty();
  }

  private void waitUntil(BooleanSupplier done, long timeoutNanos, long sequence) {
    long start = System.nanoTime();
    long spin = Math.min(SPIN_NANOS, timeoutNanos);
    while (!done.getAsBoolean() && failure == null && System.nanoTime() - start < spin) {
      Thread.onSpinWait();
    }
    if (done.getAsBoolean()) {
      return;
    }
    if (failure == null) {
      park(done, start, timeoutNanos, sequence);
    }
    if (!done.getAsBoolean()) {
      throw failure.toException();
    }
  }

  private void park(BooleanSupplier done, long start, long timeoutNanos, long sequence) {
    // Publish the parked thread, then look again: the I/O thread updates `outstanding`, then
    // reads `parked`, so one of the two sides always sees the other.
    Thread self = Thread.currentThread();
    parked.add(self);
    try {
      while (!done.getAsBoolean() && failure == null) {
        if (timeoutNanos == Long.MAX_VALUE) {
          LockSupport.park(this);
        } else {
          long left = timeoutNanos - (System.nanoTime() - start);
          if (left <= 0) {
            throw new ConfirmTimeoutError(
                "confirms up to " + sequence + " not received within " + timeoutNanos / 1e9 + "s");
          }
          LockSupport.parkNanos(this, left);
        }
        if (Thread.interrupted()) {
          self.interrupt();
          throw new AMQPError("interrupted while waiting for the confirm of " + sequence);
        }
      }
    } finally {
      parked.remove(self);
    }
  }

  private static List<ReturnedMessage> drain(Queue<ReturnedMessage> queue) {
    List<ReturnedMessage> out = new ArrayList<>();
    ReturnedMessage message;
    while ((message = queue.poll()) != null) {
      out.add(message);
    }
    return out;
  }
}
