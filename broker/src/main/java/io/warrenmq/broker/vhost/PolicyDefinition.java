package io.warrenmq.broker.vhost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy keys WarrenMQ acts on and RabbitMQ 3.10's checks of their values, with its texts
 * ({@code -1 is not a valid message TTL}). Keys RabbitMQ knows for features WarrenMQ does not have
 * (mirroring, federation, quorum queue keys) are refused as unknown rather than accepted and
 * ignored. {@code max-priority} and {@code single-active-consumer} are queue arguments only, in
 * RabbitMQ as here.
 */
public final class PolicyDefinition {
  private PolicyDefinition() {}

  /**
   * Checks {@code definition}; IllegalArgumentException with RabbitMQ's "Validation failed" text
   * for an empty definition, unknown keys or a bad value.
   */
  public static void validate(Map<String, Object> definition) {
    if (definition.isEmpty()) {
      throw failed("no policy provided");
    }
    List<String> unknown = new ArrayList<>();
    definition.forEach(
        (key, value) -> {
          String problem = check(key, value);
          if (problem == null) {
            unknown.add("{<<\"" + key + "\">>," + erlang(value) + "}");
          } else if (!problem.isEmpty()) {
            throw failed(problem);
          }
        });
    if (!unknown.isEmpty()) {
      throw failed("[" + String.join(",", unknown) + "] are not recognised policy settings");
    }
  }

  /** "" when fine, null for an unknown key, else what is wrong. */
  private static String check(String key, Object value) {
    return switch (key) {
      case "message-ttl" -> nonNegative(value) ? "" : erlang(value) + " is not a valid message TTL";
      case "expires" -> positive(value) ? "" : erlang(value) + " is not a valid queue expiry";
      case "max-length" ->
          nonNegative(value) ? "" : erlang(value) + " is not a valid maximum length";
      case "max-length-bytes" ->
          nonNegative(value) ? "" : erlang(value) + " is not a valid maximum length in bytes";
      case "overflow" ->
          List.of("drop-head", "reject-publish", "reject-publish-dlx").contains(value)
              ? ""
              : erlang(value) + " is not a valid overflow value";
      case "dead-letter-exchange" ->
          value instanceof String
              ? ""
              : erlang(value) + " is not a valid dead letter exchange name";
      case "dead-letter-routing-key" ->
          value instanceof String ? "" : erlang(value) + " is not a valid dead letter routing key";
      case "alternate-exchange" ->
          value instanceof String ? "" : erlang(value) + " is not a valid alternate exchange name";
      default -> null;
    };
  }

  private static boolean nonNegative(Object value) {
    return isInteger(value) && ((Number) value).longValue() >= 0;
  }

  private static boolean positive(Object value) {
    return isInteger(value) && ((Number) value).longValue() > 0;
  }

  private static boolean isInteger(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short;
  }

  /** How RabbitMQ prints a JSON value in its errors: strings as binaries. */
  static String erlang(Object value) {
    return value instanceof String s ? "<<\"" + s + "\">>" : String.valueOf(value);
  }

  private static IllegalArgumentException failed(String problem) {
    return new IllegalArgumentException("Validation failed\n\n" + problem + "\n");
  }
}
