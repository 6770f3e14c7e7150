package io.warrenmq.broker.queue;

import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.BasicProperties;

/**
 * Message TTLs: the queue's {@code x-message-ttl} and the message's own {@code expiration} (a
 * string of milliseconds); when both are set the lower wins (RabbitMQ).
 */
public final class MessageTtl {
  private MessageTtl() {}

  /**
   * Refuses an {@code expiration} that is not a non-negative integer with RabbitMQ's 406 and text
   * ({@code invalid expiration 'soon': no_integer}). Called by the publishing channel.
   */
  public static void checkExpiration(BasicProperties properties) {
    if (properties != null && properties.expiration() != null) {
      parse(properties.expiration());
    }
  }

  private static long parse(String expiration) {
    int i = 0;
    int n = expiration.length();
    if (i < n && (expiration.charAt(i) == '-' || expiration.charAt(i) == '+')) {
      i++;
    }
    int digits = i;
    while (i < n && Character.isDigit(expiration.charAt(i))) {
      i++;
    }
    if (i == digits) {
      throw invalid(expiration, "no_integer");
    }
    if (i < n) {
      throw invalid(expiration, "{leftover_string,\"" + expiration.substring(i) + "\"}");
    }
    long value;
    try {
      value = Long.parseLong(expiration.substring(0, i));
    } catch (NumberFormatException e) {
      value = expiration.charAt(0) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (value < 0) {
      throw invalid(expiration, "{value_negative," + value + "}");
    }
    return value;
  }

  private static AmqpException invalid(String expiration, String reason) {
    return AmqpException.preconditionFailed("invalid expiration '" + expiration + "': " + reason);
  }

  /**
   * When {@code message} expires in a queue with TTL {@code queueTtl} (-1 for none), in epoch ms;
   * {@link QueueEntry#NEVER} when it does not.
   */
  static long expiresAt(Message message, long queueTtl, long now) {
    BasicProperties properties = message.properties();
    return expiresAt(properties == null ? null : properties.expiration(), queueTtl, now);
  }

  /**
   * When a message with the {@code expiration} property (or null) enqueued at {@code enqueuedAt}
   * (epoch ms) expires in a queue with TTL {@code queueTtl} (-1 for none); {@link QueueEntry#NEVER}
   * when it does not. The expiry is absolute, so a message recovered after a restart keeps it.
   */
  static long expiresAt(String expiration, long queueTtl, long enqueuedAt) {
    long ttl = queueTtl;
    if (expiration != null) {
      long own = parse(expiration);
      ttl = ttl < 0 ? own : Math.min(ttl, own);
    }
    if (ttl < 0) {
      return QueueEntry.NEVER;
    }
    return enqueuedAt > QueueEntry.NEVER - ttl ? QueueEntry.NEVER - 1 : enqueuedAt + ttl;
  }
}
