package io.warrenmq.broker.vhost;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Routes on message headers against each binding's arguments ({@link HeadersMatcher}). */
final class HeadersExchange extends Exchange {
  private final Set<Binding> bindings = new CopyOnWriteArraySet<>();

  HeadersExchange(ExchangeSettings settings, String vhost) {
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
    Map<String, Object> actual = headers == null ? Map.of() : headers;
    for (Binding binding : bindings) {
      if (HeadersMatcher.matches(binding.arguments(), actual)) {
        out.add(binding.destination());
      }
    }
  }
}
