package io.warrenmq.broker.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Publisher credit for one queue, in the spirit of RabbitMQ's credit flow: a queue whose consumers
 * fall behind (ready messages or bytes over a high mark) is overloaded, and the connections
 * publishing to it stop being read until it has drained below half of that. This keeps a backlog
 * short where it costs most: every queued entry is live data that each young collection copies, so
 * a queue growing by 100,000s turns into GC pauses and seconds of latency for everyone.
 *
 * <p>A queue without consumers is never overloaded: nobody would drain it, and RabbitMQ users
 * expect such a queue to fill (up to the memory alarm, which bounds it instead).
 *
 * <p>Confinement: the queue's executor, except {@link #isOverloaded}, a volatile read that
 * publishers make once per routed queue.
 */
final class Backlog {
  /**
   * Ready messages at which the queue withholds credit: deep enough that a consumer never waits for
   * a publisher that was paused (10,000 messages outlast any pause by far at the rates one
   * connection reaches), shallow enough to keep a queue's entries out of GC's way.
   */
  static final int HIGH_MESSAGES = 10_000;

  /** Ready body bytes at which the queue withholds credit, for large messages. */
  static final long HIGH_BYTES = 64L * 1024 * 1024;

  private volatile boolean overloaded;
  private final Set<DrainListener> waiting = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Any thread: true while publishers to this queue should pause. */
  boolean isOverloaded() {
    return overloaded;
  }

  /**
   * The queue's counts changed: raises or clears the overload; on clearing, tells every waiter.
   * {@code queue} is what the waiters are told drained.
   */
  void update(MessageQueue queue, int ready, long readyBytes, boolean hasConsumers) {
    if (!overloaded) {
      if (hasConsumers && (ready >= HIGH_MESSAGES || readyBytes >= HIGH_BYTES)) {
        overloaded = true;
      }
    } else if (!hasConsumers || (ready <= HIGH_MESSAGES / 2 && readyBytes <= HIGH_BYTES / 2)) {
      overloaded = false;
      releaseAll(queue);
    }
  }

  /** {@code listener} waits for the drain; told at once when the queue is not overloaded. */
  void await(MessageQueue queue, DrainListener listener) {
    if (overloaded) {
      waiting.add(listener);
    } else {
      listener.drained(queue);
    }
  }

  /** {@code listener} no longer waits (its connection closed). */
  void cancel(DrainListener listener) {
    waiting.remove(listener);
  }

  /** Tells every waiter that the queue drained or is gone, and forgets them. */
  void releaseAll(MessageQueue queue) {
    if (waiting.isEmpty()) {
      return;
    }
    List<DrainListener> released = new ArrayList<>(waiting);
    waiting.clear();
    released.forEach(listener -> listener.drained(queue));
  }

  /** The queue was deleted: it never withholds credit again. */
  void deleted(MessageQueue queue) {
    overloaded = false;
    releaseAll(queue);
  }
}
