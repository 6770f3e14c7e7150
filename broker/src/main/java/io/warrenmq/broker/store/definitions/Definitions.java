package io.warrenmq.broker.store.definitions;

import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.vhost.ExchangeSettings;
import io.warrenmq.broker.vhost.Policy;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The durable definitions, as replayed from the definitions log: what {@code Broker} declares again
 * at start. Deleting an exchange or queue drops the bindings that name it.
 *
 * <p>Confinement: the store thread (and the starting thread before it runs).
 */
public final class Definitions {
  /** An exchange's key: vhost and name. */
  public record ExchangeKey(String vhost, String name) {}

  /** A binding between durable objects. */
  public record BindingDef(
      String vhost,
      String source,
      String destination,
      boolean toExchange,
      String key,
      Map<String, Object> arguments) {}

  private final Map<ExchangeKey, ExchangeSettings> exchanges = new LinkedHashMap<>();
  private final Map<QueueKey, QueueSettings> queues = new LinkedHashMap<>();
  private final Set<BindingDef> bindings = new LinkedHashSet<>();
  private final Map<ExchangeKey, Policy> policies = new LinkedHashMap<>();

  public Map<ExchangeKey, ExchangeSettings> exchanges() {
    return exchanges;
  }

  public Map<QueueKey, QueueSettings> queues() {
    return queues;
  }

  public Set<BindingDef> bindings() {
    return bindings;
  }

  /** The policies, keyed by vhost and policy name. */
  public Map<ExchangeKey, Policy> policies() {
    return policies;
  }

  void policySet(Policy policy) {
    policies.put(new ExchangeKey(policy.vhost(), policy.name()), policy);
  }

  void policyCleared(String vhost, String policy) {
    policies.remove(new ExchangeKey(vhost, policy));
  }

  void exchangeDeclared(String vhost, ExchangeSettings exchange) {
    exchanges.put(new ExchangeKey(vhost, exchange.name()), exchange);
  }

  void exchangeDeleted(String vhost, String exchange) {
    exchanges.remove(new ExchangeKey(vhost, exchange));
    bindings.removeIf(
        b ->
            b.vhost().equals(vhost)
                && (b.source().equals(exchange)
                    || (b.toExchange() && b.destination().equals(exchange))));
  }

  void queueDeclared(QueueSettings queue) {
    queues.put(new QueueKey(queue.vhost(), queue.name()), queue);
  }

  void queueDeleted(String vhost, String queue) {
    queues.remove(new QueueKey(vhost, queue));
    bindings.removeIf(
        b -> b.vhost().equals(vhost) && !b.toExchange() && b.destination().equals(queue));
  }

  void bindingAdded(BindingDef binding) {
    bindings.add(binding);
  }

  void bindingRemoved(BindingDef binding) {
    bindings.remove(binding);
  }
}
