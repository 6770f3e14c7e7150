package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.MessageQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The walk from the exchange a message is published to, through exchange-to-exchange bindings and
 * alternate exchanges, to the set of queues it reaches. Each exchange matches one hop (its own
 * table); following the hops is the vhost's business, so it lives here and not in an exchange.
 *
 * <p>Confinement: any thread. It reads the vhost's concurrent maps of exchanges and queues and the
 * exchanges' concurrent tables without locking, so publishers on every event loop route in parallel
 * with each other and with topology changes.
 */
final class Router {
  private final Map<String, Exchange> exchanges;
  private final QueueRegistry queues;

  /** Routes over the vhost's live exchange map and queue registry, not over copies. */
  Router(Map<String, Exchange> exchanges, QueueRegistry queues) {
    this.exchanges = exchanges;
    this.queues = queues;
  }

  /**
   * The queues a message published to {@code exchange} with {@code routingKeys} (its own key plus
   * any sender-selected ones) reaches, each once, in a mutable set; counts the message on {@code
   * exchange}. An exchange that matched nothing at all passes the message to its alternate exchange
   * (a missing one is skipped, as in RabbitMQ). Each exchange is visited once, so cycles of
   * bindings or of alternates end.
   */
  Set<MessageQueue> route(
      Exchange exchange, List<String> routingKeys, Map<String, Object> headers) {
    Set<MessageQueue> result =
        exchange.name().isEmpty()
            ? routeByQueueName(routingKeys)
            : routeThroughExchanges(exchange, routingKeys, headers);
    exchange.routed(!result.isEmpty());
    return result;
  }

  /** The default exchange binds every queue implicitly under the queue's own name. */
  private Set<MessageQueue> routeByQueueName(List<String> routingKeys) {
    Set<MessageQueue> result = new LinkedHashSet<>();
    for (String routingKey : routingKeys) {
      MessageQueue queue = queues.find(routingKey);
      if (queue != null) {
        result.add(queue);
      }
    }
    return result;
  }

  private Set<MessageQueue> routeThroughExchanges(
      Exchange exchange, List<String> routingKeys, Map<String, Object> headers) {
    Set<MessageQueue> result = new LinkedHashSet<>();
    List<Destination> found = new ArrayList<>();
    // Allocated only when an exchange-to-exchange hop is met, which most messages never meet.
    Set<Exchange> visited = null;
    ArrayDeque<Exchange> pending = null;
    for (Exchange current = exchange; current != null; ) {
      found.clear();
      for (String routingKey : routingKeys) {
        current.route(routingKey, headers, found);
      }
      if (found.isEmpty()) {
        String alternate = current.alternateExchange();
        Exchange next = alternate == null ? null : exchanges.get(alternate);
        if (next != null) {
          found.add(next);
        }
      }
      for (Destination destination : found) {
        if (destination instanceof QueueDestination queue) {
          result.add(queue.queue());
        } else if (destination instanceof Exchange next) {
          if (visited == null) {
            visited = new HashSet<>();
            visited.add(exchange);
            pending = new ArrayDeque<>();
          }
          if (visited.add(next)) {
            pending.add(next);
          }
        }
      }
      current = pending == null ? null : pending.poll();
    }
    return result;
  }
}
