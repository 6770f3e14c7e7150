package io.warrenmq.broker.vhost;

import io.warrenmq.model.LongString;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compares field-table values the way RabbitMQ's checks see them: integers of any width are equal
 * when their values are, and long strings equal strings with the same text.
 */
final class ArgumentValues {
  private ArgumentValues() {}

  static boolean equivalent(Object a, Object b) {
    Object x = normalize(a);
    Object y = normalize(b);
    if (x instanceof byte[] p && y instanceof byte[] q) {
      return Arrays.equals(p, q);
    }
    return Objects.equals(x, y);
  }

  /** How RabbitMQ prints a value in "received '...' but current is '...'". */
  static String show(Object value) {
    Object normalized = normalize(value);
    return normalized instanceof byte[] bytes ? new String(bytes) : String.valueOf(normalized);
  }

  private static Object normalize(Object value) {
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number
        && !(value instanceof Float)
        && !(value instanceof Double)
        && !(value instanceof BigDecimal)) {
      // UnsignedByte / UnsignedShort / UnsignedInt.
      return number.longValue();
    }
    if (value instanceof LongString longString) {
      return longString.toString();
    }
    return value;
  }
}
