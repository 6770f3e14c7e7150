package io.warrenmq.broker.vhost;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Routes every message to every bound destination, ignoring the routing key. */
final class FanoutExchange extends Exchange {
  private final Set<Binding> bindings = new CopyOnWriteArraySet<>();

  FanoutExchange(ExchangeSettings settings, String vhost) {
    super(settings, vhost);
  }

  @Override
  boolean bind(Binding binding) {
    return bindings.add(binding);
  }

  @Override
  boolean unbind(Binding binding) {
    return bindings.remove(binding);
  }

  @Override
  List<Binding> bindings() {
    return List.copyOf(bindings);
  }

  @Override
  void route(String routingKey, Map<String, Object> headers, Collection<Destination> out) {
    for (Binding binding : bindings) {
      out.add(binding.destination());
    }
  }
}
