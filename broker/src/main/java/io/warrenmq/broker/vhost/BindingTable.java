package io.warrenmq.broker.vhost;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vhost's bindings seen from their destinations (each exchange keeps its own from the source
 * side), and the deletes that cascade through bindings: a queue or exchange that goes takes every
 * binding to it, an exchange every binding from it too, and an auto-delete exchange goes when the
 * last binding from it does. Removing a binding and removing an exchange can each trigger the
 * other, which is why both live here.
 *
 * <p>Confinement: every method runs under the vhost's topology lock, hence the plain map. Removing
 * an exchange updates the vhost's concurrent map of exchanges, which publishers read lock-free.
 */
final class BindingTable {
  private final Map<String, Exchange> exchanges;
  private final StoredTopology stored;
  private final Map<Destination, Set<Binding>> inbound = new HashMap<>();

  BindingTable(Map<String, Exchange> exchanges, StoredTopology stored) {
    this.exchanges = exchanges;
    this.stored = stored;
  }

  /** Adds {@code binding}; binding twice is a no-op. */
  void add(Binding binding) {
    if (binding.source().bind(binding)) {
      inbound.computeIfAbsent(binding.destination(), d -> new HashSet<>()).add(binding);
      stored.bindingAdded(binding);
    }
  }

  /** Removes {@code binding}, then its source if that is auto-delete and now unused. */
  void remove(Binding binding) {
    if (!binding.source().unbind(binding)) {
      return;
    }
    Set<Binding> set = inbound.get(binding.destination());
    if (set != null) {
      set.remove(binding);
      if (set.isEmpty()) {
        inbound.remove(binding.destination());
      }
    }
    stored.bindingRemoved(binding);
    Exchange source = binding.source();
    if (source.settings().autoDelete() && source.bindings().isEmpty()) {
      removeExchange(source);
    }
  }

  /** Removes every binding to {@code destination}, which is going away. */
  void removeAllTo(Destination destination) {
    Set<Binding> set = inbound.remove(destination);
    if (set != null) {
      for (Binding binding : List.copyOf(set)) {
        remove(binding);
      }
    }
  }

  /** Forgets {@code exchange} and its bindings both ways. Safe to call more than once. */
  void removeExchange(Exchange exchange) {
    if (!exchanges.remove(exchange.name(), exchange)) {
      return;
    }
    for (Binding binding : exchange.bindings()) {
      remove(binding);
    }
    removeAllTo(exchange);
    stored.exchangeDeleted(exchange);
  }
}
