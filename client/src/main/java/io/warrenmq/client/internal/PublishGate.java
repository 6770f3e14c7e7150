package io.warrenmq.client.internal;

import io.warrenmq.client.ConnectionBlockedTimeout;
import io.warrenmq.client.ConnectionWrongStateError;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where publishers wait while the broker blocks the connection (connection.blocked) or the socket
 * cannot take more (Netty's buffer past its high-water mark, or a long backlog of queued writes).
 *
 * <p>The I/O thread flips {@code blocked} and signals on every change that may free publishers;
 * publishers wait on a ReentrantLock condition, so virtual threads are not pinned. The fast path,
 * nothing blocked, takes no lock.
 */
final class PublishGate {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private volatile boolean blocked;
  private volatile boolean waiting;

  /** True while the broker has sent connection.blocked without connection.unblocked. */
  boolean isBlocked() {
    return blocked;
  }

  /** Records connection.blocked ({@code true}) or connection.unblocked; I/O thread. */
  void setBlocked(boolean value) {
    blocked = value;
    signal();
  }

  /** Wakes every waiting publisher so that it looks again. */
  void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Like {@link #signal()}, but takes no lock when nobody waits: for the frequent callers. */
  void signalIfWaiting() {
    if (waiting) {
      signal();
    }
  }

  /**
   * Waits until {@code writable} holds and the connection is not blocked, or {@code ended} holds.
   *
   * @param limit how long a broker block may last, null for no limit
   * @throws ConnectionBlockedTimeout when the broker blocks for longer than {@code limit}
   */
  void await(BooleanSupplier writable, BooleanSupplier ended, Duration limit) {
    long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    lock.lock();
    try {
      waiting = true;
      while ((blocked || !writable.getAsBoolean()) && !ended.getAsBoolean()) {
        if (blocked && System.nanoTime() - deadline >= 0) {
          throw new ConnectionBlockedTimeout(
              "connection blocked by broker for longer than " + limit);
        }
        // Timed, so that a missed signal costs at most this long.
        changed.await(50, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionWrongStateError("interrupted while the connection was blocked", e);
    } finally {
      waiting = lock.hasWaiters(changed);
      lock.unlock();
    }
  }
}
