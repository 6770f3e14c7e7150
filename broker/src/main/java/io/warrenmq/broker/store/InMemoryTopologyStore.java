package io.warrenmq.broker.store;

import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.vhost.ExchangeSettings;
import io.warrenmq.broker.vhost.Policy;
import java.util.Map;

/** Keeps nothing: the in-memory broker forgets its topology on restart. */
public final class InMemoryTopologyStore implements TopologyStore {
  @Override
  public void exchangeDeclared(String vhost, ExchangeSettings exchange) {}

  @Override
  public void exchangeDeleted(String vhost, String exchange) {}

  @Override
  public void queueDeclared(QueueSettings queue) {}

  @Override
  public void queueDeleted(String vhost, String queue) {}

  @Override
  public void policySet(Policy policy) {}

  @Override
  public void policyCleared(String vhost, String policy) {}

  @Override
  public void bindingAdded(
      String vhost,
      String source,
      String destination,
      boolean toExchange,
      String key,
      Map<String, Object> arguments) {}

  @Override
  public void bindingRemoved(
      String vhost,
      String source,
      String destination,
      boolean toExchange,
      String key,
      Map<String, Object> arguments) {}
}
