package io.warrenmq.broker.vhost;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Routes by topic pattern through a {@link TopicTrie}, so cost follows key length, not bindings.
 */
final class TopicExchange extends Exchange {
  private final TopicTrie<Binding> trie = new TopicTrie<>();
  private final Set<Binding> bindings = new CopyOnWriteArraySet<>();

  TopicExchange(ExchangeSettings settings, String vhost) {
    super(settings, vhost);
  }

  @Override
  boolean bind(Binding binding) {
    if (!bindings.add(binding)) {
      return false;
    }
    trie.add(binding.routingKey(), binding);
    return true;
  }

  @Override
  boolean unbind(Binding binding) {
    if (!bindings.remove(binding)) {
      return false;
    }
    trie.remove(binding.routingKey(), binding);
    return true;
  }

  @Override
  List<Binding> bindings() {
    return new ArrayList<>(bindings);
  }

  @Override
  void route(String routingKey, Map<String, Object> headers, Collection<Destination> out) {
    trie.match(routingKey, binding -> out.add(binding.destination()));
  }
}
