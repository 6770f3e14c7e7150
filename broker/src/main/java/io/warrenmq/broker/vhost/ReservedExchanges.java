package io.warrenmq.broker.vhost;

import io.warrenmq.model.AmqpException;
import java.util.List;
import java.util.Map;

/**
 * The exchanges every vhost has from its creation, and what clients may not do to them, as in
 * RabbitMQ (all 403 ACCESS_REFUSED): the default exchange ("", which binds every queue under its
 * name) cannot be declared, deleted or bound to or from; no new exchange may take the reserved
 * {@code amq.} prefix; and the predeclared {@code amq.*} ones cannot be deleted. The same names
 * survive deleting everything else in the vhost.
 */
final class ReservedExchanges {
  private ReservedExchanges() {}

  /** The predeclared exchanges of a new vhost named {@code vhost}, all durable. */
  static List<Exchange> create(String vhost) {
    return List.of(
        predeclared("", ExchangeType.DIRECT, vhost),
        predeclared("amq.direct", ExchangeType.DIRECT, vhost),
        predeclared("amq.fanout", ExchangeType.FANOUT, vhost),
        predeclared("amq.topic", ExchangeType.TOPIC, vhost),
        predeclared("amq.headers", ExchangeType.HEADERS, vhost),
        predeclared("amq.match", ExchangeType.HEADERS, vhost));
  }

  private static Exchange predeclared(String exchange, ExchangeType type, String vhost) {
    return Exchange.of(new ExchangeSettings(exchange, type, true, false, false, Map.of()), vhost);
  }

  /** The default exchange or an {@code amq.*} name. */
  static boolean isReserved(String exchange) {
    return exchange.isEmpty() || exchange.startsWith("amq.");
  }

  /**
   * exchange.declare (not passive) of {@code exchange}, which {@code exists} in the vhost or not.
   */
  static void checkDeclare(String exchange, boolean exists) {
    if (exchange.isEmpty()) {
      throw defaultExchangeRefused();
    }
    if (exchange.startsWith("amq.") && !exists) {
      throw AmqpException.accessRefused(
          "exchange name '" + exchange + "' contains reserved prefix 'amq.*'");
    }
  }

  /** exchange.delete of {@code exchange} in {@code vhost}. */
  static void checkDelete(String exchange, String vhost) {
    if (exchange.isEmpty()) {
      throw defaultExchangeRefused();
    }
    if (exchange.startsWith("amq.")) {
      throw AmqpException.accessRefused(
          "exchange '" + exchange + "' in vhost '" + vhost + "' is reserved");
    }
  }

  /** {@code exchange} as the source or destination of a binding. */
  static void checkBind(String exchange) {
    if (exchange.isEmpty()) {
      throw defaultExchangeRefused();
    }
  }

  private static AmqpException defaultExchangeRefused() {
    return AmqpException.accessRefused("operation not permitted on the default exchange");
  }
}
