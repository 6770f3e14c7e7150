package io.warrenmq.broker.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue's consumers and the choice of the next one to deliver to. Consumers with a higher {@code
 * x-priority} get messages while they have credit; consumers of equal priority take turns (round
 * robin). With single active consumer ({@code x-single-active-consumer}) only the earliest
 * registered consumer gets messages; when it leaves, the next one in registration order takes over
 * (RabbitMQ 3.10 does not weigh priorities there).
 *
 * <p>Confinement: the queue's executor. A plain queue has one level, so the choice costs what the
 * single round-robin deque did.
 */
final class ConsumerSet {
  private final boolean singleActive;

  /** Levels by descending priority, each in round-robin order. */
  private final List<Level> levels = new ArrayList<>(1);

  /** Registration order, for single active consumer. */
  private final ArrayDeque<Consumer> registered = new ArrayDeque<>();

  private Consumer exclusive;

  private record Level(int priority, ArrayDeque<Consumer> consumers) {}

  ConsumerSet(boolean singleActive) {
    this.singleActive = singleActive;
  }

  int size() {
    return registered.size();
  }

  boolean isEmpty() {
    return registered.isEmpty();
  }

  /**
   * Adds {@code consumer}; false (nothing added) when an exclusive consumer holds the queue, or
   * {@code exclusive} is asked while others consume (spec: basic.consume exclusive, 403).
   */
  boolean add(Consumer consumer, boolean exclusive) {
    if (this.exclusive != null || (exclusive && !registered.isEmpty())) {
      return false;
    }
    if (exclusive) {
      this.exclusive = consumer;
    }
    registered.addLast(consumer);
    int priority = consumer.priority();
    int i = 0;
    while (i < levels.size() && levels.get(i).priority() > priority) {
      i++;
    }
    if (i == levels.size() || levels.get(i).priority() != priority) {
      levels.add(i, new Level(priority, new ArrayDeque<>()));
    }
    levels.get(i).consumers().addLast(consumer);
    return true;
  }

  /** Removes {@code consumer}; false when it was not registered. */
  boolean remove(Consumer consumer) {
    if (!registered.remove(consumer)) {
      return false;
    }
    if (exclusive == consumer) {
      exclusive = null;
    }
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      if (level.consumers().remove(consumer)) {
        if (level.consumers().isEmpty()) {
          levels.remove(i);
        }
        break;
      }
    }
    return true;
  }

  /** Every consumer, in registration order. */
  List<Consumer> all() {
    return new ArrayList<>(registered);
  }

  void clear() {
    registered.clear();
    levels.clear();
    exclusive = null;
  }

  /** The consumer to deliver the next message to, with its credit reserved; null when none. */
  Consumer nextWithCredit() {
    if (singleActive) {
      Consumer active = registered.peekFirst();
      return active != null && active.tryReserve() ? active : null;
    }
    for (int l = 0; l < levels.size(); l++) {
      ArrayDeque<Consumer> consumers = levels.get(l).consumers();
      for (int i = consumers.size(); i > 0; i--) {
        Consumer consumer = consumers.pollFirst();
        consumers.addLast(consumer);
        if (consumer.tryReserve()) {
          return consumer;
        }
      }
    }
    return null;
  }
}
