package io.warrenmq.broker.store;

import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.vhost.ExchangeSettings;
import io.warrenmq.broker.vhost.Policy;
import java.util.Map;

/**
 * Durable definitions: the vhost calls it for durable exchanges, queues and the bindings between
 * them. The in-memory broker records nothing ({@link InMemoryTopologyStore}); the file store of the
 * durability issue implements the same calls and replays them at start.
 *
 * <p>Called under the vhost's topology lock; implementations must not block (a disk store queues
 * the record to its own thread).
 */
public interface TopologyStore {
  void exchangeDeclared(String vhost, ExchangeSettings exchange);

  void exchangeDeleted(String vhost, String exchange);

  void queueDeclared(QueueSettings queue);

  /** A policy was set (added or replaced). */
  void policySet(Policy policy);

  void policyCleared(String vhost, String policy);

  void queueDeleted(String vhost, String queue);

  void bindingAdded(
      String vhost,
      String source,
      String destination,
      boolean toExchange,
      String key,
      Map<String, Object> arguments);

  void bindingRemoved(
      String vhost,
      String source,
      String destination,
      boolean toExchange,
      String key,
      Map<String, Object> arguments);
}
