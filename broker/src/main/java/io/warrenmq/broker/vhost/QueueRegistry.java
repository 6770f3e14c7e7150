package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.model.AmqpException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vhost's queues by name, each with its message counters, and the rule for exclusive queues: only
 * the connection that declared one may use it (spec 1.7.2.1 exclusive); anyone else gets 405
 * RESOURCE_LOCKED.
 *
 * <p>Confinement: lookups are lock-free (concurrent maps), so channels and publishers on every
 * event loop read in parallel; {@link #add} and {@link #remove} run only under the vhost's topology
 * lock, which keeps them atomic with the bindings and the store.
 */
final class QueueRegistry {
  private final String vhost;
  private final Map<String, MessageQueue> byName = new ConcurrentHashMap<>();
  private final Map<MessageQueue, MessageCounters> counters = new ConcurrentHashMap<>();

  QueueRegistry(String vhost) {
    this.vhost = vhost;
  }

  /** The queue named {@code queue}, or null. */
  MessageQueue find(String queue) {
    return byName.get(queue);
  }

  /** The queue named {@code queue} for use by {@code owner}'s connection; 404 or 405 otherwise. */
  MessageQueue get(String queue, Object owner) {
    MessageQueue found = byName.get(queue);
    if (found == null) {
      throw notFound(queue);
    }
    checkAccess(found, owner);
    return found;
  }

  /** 404 unless {@code queue} is still the one registered under its name (not deleted since). */
  void requireLive(MessageQueue queue) {
    if (byName.get(queue.name()) != queue) {
      throw notFound(queue.name());
    }
  }

  /** queue.declare of an {@code existing} queue: 405 when either declaration is exclusive. */
  void checkRedeclare(MessageQueue existing, QueueSettings requested) {
    checkAccess(existing, requested.exclusiveOwner());
    if (requested.isExclusive() && !existing.settings().isExclusive()) {
      throw resourceLocked(existing);
    }
  }

  /** Registers a new queue with fresh counters. */
  void add(MessageQueue queue) {
    byName.put(queue.name(), queue);
    counters.put(queue, new MessageCounters());
  }

  /** Forgets {@code queue} and its counters; false when it was not registered (any more). */
  boolean remove(MessageQueue queue) {
    if (!byName.remove(queue.name(), queue)) {
      return false;
    }
    counters.remove(queue);
    return true;
  }

  /** The queues exclusive to {@code owner}'s connection. */
  List<MessageQueue> ownedBy(Object owner) {
    List<MessageQueue> owned = new ArrayList<>();
    for (MessageQueue queue : byName.values()) {
      if (queue.settings().exclusiveOwner() == owner) {
        owned.add(queue);
      }
    }
    return owned;
  }

  /** A live view of all queues. */
  Collection<MessageQueue> all() {
    return byName.values();
  }

  /** The counters of {@code queue}; unregistered (fresh) ones once it is deleted. */
  MessageCounters counters(MessageQueue queue) {
    MessageCounters found = counters.get(queue);
    return found != null ? found : new MessageCounters();
  }

  private void checkAccess(MessageQueue queue, Object owner) {
    Object exclusiveOwner = queue.settings().exclusiveOwner();
    if (exclusiveOwner != null && exclusiveOwner != owner) {
      throw resourceLocked(queue);
    }
  }

  private static AmqpException resourceLocked(MessageQueue queue) {
    return AmqpException.resourceLocked(
        "cannot obtain exclusive access to locked "
            + queue.settings().describe()
            + ". It could be originally declared on another connection or the exclusive"
            + " property value does not match that of the original declaration.");
  }

  private AmqpException notFound(String queue) {
    return AmqpException.notFound("no queue '" + queue + "' in vhost '" + vhost + "'");
  }
}
