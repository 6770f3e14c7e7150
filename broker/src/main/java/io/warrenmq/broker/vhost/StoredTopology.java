package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.store.TopologyStore;

/**
 * Which of a vhost's topology changes the {@link TopologyStore} records: only what survives a
 * restart. That is durable exchanges, durable queues that are not exclusive (an exclusive queue
 * dies with its connection, so never outlives the process), bindings whose source and destination
 * both survive, and policies. The vhost reports every change here; the rest is dropped, so the
 * durability rule lives in one place.
 *
 * <p>Confinement: called only under the vhost's topology lock, so the store sees changes in the
 * order they were made. The store queues its own writes; nothing here does I/O.
 */
final class StoredTopology {
  private final String vhost;
  private final TopologyStore store;

  StoredTopology(String vhost, TopologyStore store) {
    this.vhost = vhost;
    this.store = store;
  }

  /** Durable and not exclusive: what survives a restart (exclusive queues never do). */
  static boolean isStored(QueueSettings queue) {
    return queue.durable() && !queue.isExclusive();
  }

  private static boolean isStored(Destination destination) {
    if (destination instanceof QueueDestination queue) {
      return isStored(queue.queue().settings());
    }
    return destination instanceof Exchange exchange && exchange.settings().durable();
  }

  private static boolean isStored(Binding binding) {
    return binding.source().settings().durable() && isStored(binding.destination());
  }

  void exchangeDeclared(ExchangeSettings exchange) {
    if (exchange.durable()) {
      store.exchangeDeclared(vhost, exchange);
    }
  }

  void exchangeDeleted(Exchange exchange) {
    if (exchange.settings().durable()) {
      store.exchangeDeleted(vhost, exchange.name());
    }
  }

  void queueDeclared(QueueSettings queue) {
    if (isStored(queue)) {
      store.queueDeclared(queue);
    }
  }

  void queueDeleted(MessageQueue queue) {
    if (isStored(queue.settings())) {
      store.queueDeleted(vhost, queue.name());
    }
  }

  void bindingAdded(Binding binding) {
    if (isStored(binding)) {
      store.bindingAdded(
          vhost,
          binding.source().name(),
          binding.destination().name(),
          binding.destination() instanceof Exchange,
          binding.routingKey(),
          binding.arguments());
    }
  }

  void bindingRemoved(Binding binding) {
    if (isStored(binding)) {
      store.bindingRemoved(
          vhost,
          binding.source().name(),
          binding.destination().name(),
          binding.destination() instanceof Exchange,
          binding.routingKey(),
          binding.arguments());
    }
  }

  void policySet(Policy policy) {
    store.policySet(policy);
  }

  void policyCleared(String policy) {
    store.policyCleared(vhost, policy);
  }
}
