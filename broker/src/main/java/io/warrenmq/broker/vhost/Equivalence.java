package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.model.AmqpException;
import java.util.Map;
import java.util.Set;

/**
 * Redeclare checks (spec 1.7.2.1 and 1.8.2.1: a declare of an existing entity must match it), with
 * RabbitMQ's reply text: {@code inequivalent arg 'durable' for queue 'q' in vhost '/': received
 * 'true' but current is 'false'}. As RabbitMQ, only the arguments the broker interprets take part;
 * unknown ones are ignored.
 */
final class Equivalence {
  private static final Set<String> QUEUE_ARGS =
      Set.of(
          "x-expires",
          "x-message-ttl",
          "x-dead-letter-exchange",
          "x-dead-letter-routing-key",
          "x-max-length",
          "x-max-length-bytes",
          "x-max-priority",
          "x-overflow",
          "x-queue-mode",
          "x-queue-type",
          "x-single-active-consumer",
          "x-queue-master-locator",
          "x-queue-leader-locator");

  private static final Set<String> EXCHANGE_ARGS = Set.of("alternate-exchange");

  private Equivalence() {}

  static void checkQueue(QueueSettings current, QueueSettings requested) {
    String what = current.describe();
    check("durable", what, requested.durable(), current.durable());
    check("auto_delete", what, requested.autoDelete(), current.autoDelete());
    checkArguments(what, QUEUE_ARGS, requested.arguments(), current.arguments());
  }

  static void checkExchange(Exchange current, ExchangeSettings requested) {
    ExchangeSettings settings = current.settings();
    String what = current.describe();
    check("type", what, requested.type().wireName(), settings.type().wireName());
    check("durable", what, requested.durable(), settings.durable());
    check("auto_delete", what, requested.autoDelete(), settings.autoDelete());
    check("internal", what, requested.internal(), settings.internal());
    checkArguments(what, EXCHANGE_ARGS, requested.arguments(), settings.arguments());
  }

  private static void checkArguments(
      String what,
      Set<String> checked,
      Map<String, Object> requested,
      Map<String, Object> current) {
    for (String key : checked) {
      Object received = requested.get(key);
      Object existing = current.get(key);
      if (key.equals("x-queue-type")) {
        // An absent type is the default classic type.
        received = received == null ? "classic" : received;
        existing = existing == null ? "classic" : existing;
      }
      if (!ArgumentValues.equivalent(received, existing)) {
        throw AmqpException.preconditionFailed(
            "inequivalent arg '"
                + key
                + "' for "
                + what
                + ": received "
                + (received == null ? "none" : "'" + ArgumentValues.show(received) + "'")
                + " but current is "
                + (existing == null ? "none" : "'" + ArgumentValues.show(existing) + "'"));
      }
    }
  }

  private static void check(String arg, String what, Object received, Object current) {
    if (!received.equals(current)) {
      throw AmqpException.preconditionFailed(
          "inequivalent arg '"
              + arg
              + "' for "
              + what
              + ": received '"
              + received
              + "' but current is '"
              + current
              + "'");
    }
  }
}
