package io.warrenmq.broker.vhost;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes on exact routing-key equality: one hash lookup per message. Bindings change under the
 * exchange's monitor (the vhost's topology lock is held too); publishers read without locking.
 */
final class DirectExchange extends Exchange {
  private final Map<String, Bindings> byKey = new ConcurrentHashMap<>();

  DirectExchange(ExchangeSettings settings, String vhost) {
    super(settings, vhost);
  }

  @Override
  synchronized boolean bind(Binding binding) {
    Bindings before = byKey.getOrDefault(binding.routingKey(), Bindings.EMPTY);
    Bindings after = before.plus(binding);
    if (after == before) {
      return false;
    }
    byKey.put(binding.routingKey(), after);
    return true;
  }

  @Override
  synchronized boolean unbind(Binding binding) {
    Bindings before = byKey.get(binding.routingKey());
    if (before == null) {
      return false;
    }
    Bindings after = before.minus(binding);
    if (after == before) {
      return false;
    }
    if (after.isEmpty()) {
      byKey.remove(binding.routingKey());
    } else {
      byKey.put(binding.routingKey(), after);
    }
    return true;
  }

  @Override
  List<Binding> bindings() {
    List<Binding> all = new ArrayList<>();
    byKey.values().forEach(bindings -> all.addAll(bindings.asList()));
    return all;
  }

  @Override
  void route(String routingKey, Map<String, Object> headers, Collection<Destination> out) {
    Bindings bindings = byKey.get(routingKey);
    if (bindings != null) {
      bindings.addDestinationsTo(out);
    }
  }
}
