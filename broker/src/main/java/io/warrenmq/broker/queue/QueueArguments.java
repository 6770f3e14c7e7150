package io.warrenmq.broker.queue;

import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import java.util.Map;

/**
 * The RabbitMQ queue arguments a queue acts on, read once from its declare arguments and checked
 * with RabbitMQ 3.10's rules and reply texts ({@code invalid arg 'x-max-length' for queue 'q' in
 * vhost '/': {value_negative,-1}}). Absent arguments are null / -1 / 0, so a plain queue sees no
 * feature at all.
 *
 * @param messageTtl x-message-ttl in ms, or -1
 * @param expires x-expires in ms, or -1
 * @param deadLetterExchange x-dead-letter-exchange, or null
 * @param deadLetterRoutingKey x-dead-letter-routing-key, or null
 * @param maxLength x-max-length, or -1
 * @param maxLengthBytes x-max-length-bytes, or -1
 * @param overflow x-overflow (drop-head when absent)
 * @param maxPriority x-max-priority, or 0 for a queue without priorities
 * @param singleActiveConsumer x-single-active-consumer
 */
public record QueueArguments(
    long messageTtl,
    long expires,
    String deadLetterExchange,
    String deadLetterRoutingKey,
    long maxLength,
    long maxLengthBytes,
    Overflow overflow,
    int maxPriority,
    boolean singleActiveConsumer) {

  /** RabbitMQ's highest supported x-max-priority. */
  public static final int MAX_PRIORITY = 255;

  /** What a full queue does with one more message (x-overflow). */
  public enum Overflow {
    DROP_HEAD,
    REJECT_PUBLISH,
    REJECT_PUBLISH_DLX
  }

  /** Reads and checks the arguments of {@code settings}; 406 for a value RabbitMQ refuses. */
  public static QueueArguments of(QueueSettings settings) {
    Map<String, Object> args = settings.arguments();
    if (args == null || args.isEmpty()) {
      return new QueueArguments(-1, -1, null, null, -1, -1, Overflow.DROP_HEAD, 0, false);
    }
    Reader r = new Reader(settings);
    String dlx = r.string("x-dead-letter-exchange");
    String dlrk = r.string("x-dead-letter-routing-key");
    if (dlrk != null && dlx == null) {
      throw AmqpException.preconditionFailed(
          "invalid arg 'x-dead-letter-routing-key' for "
              + settings.describe()
              + ": routing_key_but_no_dlx_defined");
    }
    long maxPriority = r.nonNegative("x-max-priority");
    if (maxPriority > MAX_PRIORITY) {
      throw r.invalid("x-max-priority", "{max_value_exceeded," + maxPriority + "}");
    }
    return new QueueArguments(
        r.nonNegative("x-message-ttl"),
        r.positive("x-expires"),
        dlx,
        dlrk,
        r.nonNegative("x-max-length"),
        r.nonNegative("x-max-length-bytes"),
        r.overflow(),
        (int) Math.max(maxPriority, 0),
        r.bool("x-single-active-consumer"));
  }

  /**
   * The effective settings under a policy's {@code definition} (already validated), with RabbitMQ's
   * precedence: for {@code message-ttl}, {@code expires}, {@code max-length} and {@code
   * max-length-bytes} the lower of argument and policy wins; for {@code overflow} and the
   * dead-letter keys the argument wins. Priorities and single active consumer are arguments only.
   */
  public static QueueArguments of(QueueSettings settings, Map<String, Object> definition) {
    QueueArguments arguments = of(settings);
    if (definition == null || definition.isEmpty()) {
      return arguments;
    }
    boolean overflowArgument =
        settings.arguments() != null && settings.arguments().containsKey("x-overflow");
    return arguments.withPolicy(definition, overflowArgument);
  }

  private QueueArguments withPolicy(Map<String, Object> definition, boolean overflowArgument) {
    String dlx =
        deadLetterExchange != null ? deadLetterExchange : text(definition, "dead-letter-exchange");
    String dlrk =
        deadLetterRoutingKey != null
            ? deadLetterRoutingKey
            : text(definition, "dead-letter-routing-key");
    Overflow policyOverflow =
        definition.get("overflow") instanceof String o
            ? Overflow.valueOf(o.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
            : Overflow.DROP_HEAD;
    return new QueueArguments(
        lower(messageTtl, definition, "message-ttl"),
        lower(expires, definition, "expires"),
        dlx,
        dlrk,
        lower(maxLength, definition, "max-length"),
        lower(maxLengthBytes, definition, "max-length-bytes"),
        overflowArgument ? overflow : policyOverflow,
        maxPriority,
        singleActiveConsumer);
  }

  private static String text(Map<String, Object> definition, String key) {
    return definition.get(key) instanceof String value ? value : null;
  }

  private static long lower(long argument, Map<String, Object> definition, String key) {
    if (!(definition.get(key) instanceof Number value)) {
      return argument;
    }
    return argument < 0 ? value.longValue() : Math.min(argument, value.longValue());
  }

  public boolean hasMessageTtl() {
    return messageTtl >= 0;
  }

  public boolean hasDeadLetterExchange() {
    return deadLetterExchange != null;
  }

  public boolean hasLengthLimit() {
    return maxLength >= 0 || maxLengthBytes >= 0;
  }

  public boolean hasPriorities() {
    return maxPriority > 0;
  }

  /**
   * True when the queue must see every ready message in memory (TTL, limits, priorities): such a
   * queue stores its persistent messages but does not page them out (README, "RabbitMQ
   * extensions").
   */
  boolean keepsMessagesInMemory() {
    return hasMessageTtl() || hasLengthLimit() || hasPriorities();
  }

  /** RabbitMQ's name of a field value's type ("longstr", "signedint"), for error texts. */
  public static String typeName(Object value) {
    return Reader.typeName(value);
  }

  /** Reads one argument at a time with RabbitMQ's type and range errors. */
  private static final class Reader {
    private final QueueSettings settings;

    Reader(QueueSettings settings) {
      this.settings = settings;
    }

    AmqpException invalid(String key, String detail) {
      return AmqpException.preconditionFailed(
          "invalid arg '" + key + "' for " + settings.describe() + ": " + detail);
    }

    private AmqpException badType(String key, Object value) {
      return invalid(key, "{unacceptable_type," + typeName(value) + "}");
    }

    /** A string argument; RabbitMQ words a wrong type as for exchange arguments. */
    String string(String key) {
      Object value = settings.arguments().get(key);
      if (value == null || value instanceof String || value instanceof LongString) {
        return value == null ? null : value.toString();
      }
      throw AmqpException.preconditionFailed(
          "invalid type '" + typeName(value) + "' for arg '" + key + "' in " + settings.describe());
    }

    private Long integer(String key) {
      Object value = settings.arguments().get(key);
      if (value == null) {
        return null;
      }
      if (value instanceof Number n
          && !(value instanceof Float)
          && !(value instanceof Double)
          && !(value instanceof java.math.BigDecimal)) {
        return n.longValue();
      }
      throw invalid(key, "\"expected integer, got " + typeName(value) + "\"");
    }

    long nonNegative(String key) {
      Long value = integer(key);
      if (value == null) {
        return -1;
      }
      if (value < 0) {
        throw invalid(key, "{value_negative," + value + "}");
      }
      return value;
    }

    long positive(String key) {
      Long value = integer(key);
      if (value == null) {
        return -1;
      }
      if (value == 0) {
        throw invalid(key, "{value_zero,0}");
      }
      if (value < 0) {
        throw invalid(key, "{value_negative," + value + "}");
      }
      return value;
    }

    boolean bool(String key) {
      Object value = settings.arguments().get(key);
      if (value == null) {
        return false;
      }
      if (value instanceof Boolean b) {
        return b;
      }
      throw badType(key, value);
    }

    Overflow overflow() {
      Object raw = settings.arguments().get("x-overflow");
      if (raw == null) {
        return Overflow.DROP_HEAD;
      }
      if (!(raw instanceof String || raw instanceof LongString)) {
        throw badType("x-overflow", raw);
      }
      return switch (raw.toString()) {
        case "drop-head" -> Overflow.DROP_HEAD;
        case "reject-publish" -> Overflow.REJECT_PUBLISH;
        case "reject-publish-dlx" -> Overflow.REJECT_PUBLISH_DLX;
        default -> throw invalid("x-overflow", "invalid_overflow");
      };
    }

    /** RabbitMQ's names of field value types, as its error texts print them. */
    static String typeName(Object value) {
      if (value == null) {
        return "void";
      }
      if (value instanceof CharSequence || value instanceof LongString) {
        return "longstr";
      }
      if (value instanceof Boolean) {
        return "bool";
      }
      if (value instanceof Byte) {
        return "byte";
      }
      if (value instanceof Short) {
        return "short";
      }
      if (value instanceof Integer) {
        return "signedint";
      }
      if (value instanceof Long) {
        return "long";
      }
      if (value instanceof Float) {
        return "float";
      }
      if (value instanceof Double) {
        return "double";
      }
      if (value instanceof java.math.BigDecimal) {
        return "decimal";
      }
      if (value instanceof java.time.Instant) {
        return "timestamp";
      }
      if (value instanceof Map) {
        return "table";
      }
      if (value instanceof java.util.List) {
        return "array";
      }
      if (value instanceof byte[]) {
        return "binary";
      }
      return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
