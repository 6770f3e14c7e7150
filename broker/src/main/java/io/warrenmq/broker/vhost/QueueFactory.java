package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.QueueArguments;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.model.AmqpException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Declare-time rules for new queues: server-generated names ({@code amq.gen-...}), the reserved
 * {@code amq.} prefix, and RabbitMQ's {@code x-queue-type} rules (a quorum queue must be durable,
 * not exclusive, not auto-delete).
 */
final class QueueFactory {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String vhost;

  QueueFactory(String vhost) {
    this.vhost = vhost;
  }

  /** The settings to create or compare with: a generated name if none was given, after checks. */
  QueueSettings validate(QueueSettings requested) {
    String queue = requested.name();
    if (queue.isEmpty()) {
      queue = generateName();
    } else if (queue.startsWith("amq.")) {
      throw AmqpException.accessRefused(
          "queue name '" + queue + "' contains reserved prefix 'amq.*'");
    }
    QueueSettings settings =
        new QueueSettings(
            queue,
            vhost,
            requested.durable(),
            requested.exclusiveOwner(),
            requested.autoDelete(),
            requested.arguments());
    checkQueueType(settings);
    QueueArguments.of(settings); // RabbitMQ's checks of x-message-ttl, x-max-priority, ...
    return settings;
  }

  private void checkQueueType(QueueSettings settings) {
    Object type = settings.arguments().get("x-queue-type");
    if (type == null) {
      return;
    }
    String typeName = type.toString();
    switch (typeName) {
      case "classic" -> {}
      case "quorum" -> {
        if (!settings.durable()) {
          throw invalidProperty("non-durable", settings);
        }
        if (settings.isExclusive()) {
          throw invalidProperty("exclusive-owner", settings);
        }
        if (settings.autoDelete()) {
          throw invalidProperty("auto-delete", settings);
        }
      }
      default ->
          throw AmqpException.preconditionFailed(
              "invalid arg 'x-queue-type' for "
                  + settings.describe()
                  + ": unsupported queue type '"
                  + typeName
                  + "'");
    }
  }

  private static AmqpException invalidProperty(String property, QueueSettings settings) {
    return AmqpException.preconditionFailed(
        "invalid property '" + property + "' for " + settings.describe());
  }

  private String generateName() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "amq.gen-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
