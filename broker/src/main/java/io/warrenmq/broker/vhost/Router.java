package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.MessageQueue;
import java.util.ArrayDeque;
import java.util.HashSet;
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
   * Routes a message published to {@code exchange} with {@code routingKeys} (its own key plus any
   * sender-selected ones) into {@code result}, emptied first: the queues it reaches, each once;
   * counts the message on {@code exchange}. An exchange that matched nothing at all passes the
   * message to its alternate exchange (a missing one is skipped, as in RabbitMQ). Each exchange is
   * visited once, so cycles of bindings or of alternates end.
   */
  void route(
      Exchange exchange,
      List<String> routingKeys,
      Map<String, Object> headers,
      RoutedQueues result) {
    result.clear();
    if (exchange.name().isEmpty()) {
      routeByQueueName(routingKeys, result);
    } else {
      routeThroughExchanges(exchange, routingKeys, headers, result);
    }
    exchange.routed(!result.isEmpty());
  }

  /** The default exchange binds every queue implicitly under the queue's own name. */
  private void routeByQueueName(List<String> routingKeys, RoutedQueues result) {
    for (int i = 0; i < routingKeys.size(); i++) {
      MessageQueue queue = queues.find(routingKeys.get(i));
      if (queue != null) {
        result.add(queue);
      }
    }
  }

  private void routeThroughExchanges(
      Exchange exchange,
      List<String> routingKeys,
      Map<String, Object> headers,
      RoutedQueues result) {
    List<Destination> found = result.found;
    // Allocated only when an exchange-to-exchange hop is met, which most messages never meet.
    Set<Exchange> visited = null;
    ArrayDeque<Exchange> pending = null;
    for (Exchange current = exchange; current != null; ) {
      found.clear();
      for (int i = 0; i < routingKeys.size(); i++) {
        current.route(routingKeys.get(i), headers, found);
      }
      if (found.isEmpty()) {
        String alternate = current.alternateExchange();
        Exchange next = alternate == null ? null : exchanges.get(alternate);
        if (next != null) {
          found.add(next);
        }
      }
      for (int i = 0; i < found.size(); i++) {
        Destination destination = found.get(i);
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
    found.clear(); // no references kept to destinations after the route
  }
}
