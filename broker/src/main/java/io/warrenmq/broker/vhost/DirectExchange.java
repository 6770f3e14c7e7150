package io.warrenmq.broker.vhost;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** Routes on exact routing-key equality: one hash lookup per message. */
final class DirectExchange extends Exchange {
  private final Map<String, Set<Binding>> byKey = new ConcurrentHashMap<>();

  DirectExchange(ExchangeSettings settings, String vhost) {
    super(settings, vhost);
  }

  @Override
  boolean bind(Binding binding) {
    return byKey
        .computeIfAbsent(binding.routingKey(), k -> new CopyOnWriteArraySet<>())
        .add(binding);
  }

  @Override
  boolean unbind(Binding binding) {
    Set<Binding> set = byKey.get(binding.routingKey());
    if (set == null || !set.remove(binding)) {
      return false;
    }
    if (set.isEmpty()) {
      byKey.remove(binding.routingKey());
    }
    return true;
  }

  @Override
  List<Binding> bindings() {
    List<Binding> all = new ArrayList<>();
    byKey.values().forEach(all::addAll);
    return all;
  }

  @Override
  void route(String routingKey, Map<String, Object> headers, Collection<Destination> out) {
    Set<Binding> set = byKey.get(routingKey);
    if (set != null) {
      for (Binding binding : set) {
        out.add(binding.destination());
      }
    }
  }
}
