package io.warrenmq.broker.vhost;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Routes every message to every bound destination, ignoring the routing key. Bindings change under
 * the exchange's monitor; publishers read the current array without locking.
 */
final class FanoutExchange extends Exchange {
  private volatile Bindings bindings = Bindings.EMPTY;

  FanoutExchange(ExchangeSettings settings, String vhost) {
    super(settings, vhost);
  }

  @Override
  synchronized boolean bind(Binding binding) {
    Bindings before = bindings;
    bindings = before.plus(binding);
    return bindings != before;
  }

  @Override
  synchronized boolean unbind(Binding binding) {
    Bindings before = bindings;
    bindings = before.minus(binding);
    return bindings != before;
  }

  @Override
  List<Binding> bindings() {
    return bindings.asList();
  }

  @Override
  void route(String routingKey, Map<String, Object> headers, Collection<Destination> out) {
    bindings.addDestinationsTo(out);
  }
}
