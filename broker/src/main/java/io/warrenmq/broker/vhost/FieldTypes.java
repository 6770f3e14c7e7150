package io.warrenmq.broker.vhost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The names RabbitMQ gives field-table value types in its error texts ("signedint", "longstr"). */
final class FieldTypes {
  private FieldTypes() {}

  static String rabbitName(Object value) {
    if (value == null) {
      return "void";
    }
    if (value instanceof CharSequence || value instanceof io.warrenmq.model.LongString) {
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
    if (value instanceof BigDecimal) {
      return "decimal";
    }
    if (value instanceof Instant) {
      return "timestamp";
    }
    if (value instanceof Map) {
      return "table";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof byte[]) {
      return "binary";
    }
    return value.getClass().getSimpleName();
  }
}
