package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.QueueArguments;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.BasicProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sender-selected distribution (a RabbitMQ extension): string arrays in the {@code CC} and {@code
 * BCC} headers add routing keys to the publish's own; {@code BCC} is removed before the message is
 * stored, so no receiver sees who else got it. Non-string elements are skipped, as RabbitMQ does; a
 * header that is not an array makes the message invalid (406).
 */
public final class SenderSelected {
  private static final String CC = "CC";
  private static final String BCC = "BCC";

  private SenderSelected() {}

  /** The routing key followed by the CC and BCC keys, if any. */
  public static List<String> routingKeys(String routingKey, BasicProperties properties) {
    Map<String, Object> headers = properties == null ? null : properties.headers();
    if (headers == null || (!headers.containsKey(CC) && !headers.containsKey(BCC))) {
      return List.of(routingKey);
    }
    List<String> keys = new ArrayList<>();
    keys.add(routingKey);
    addKeys(keys, CC, headers);
    addKeys(keys, BCC, headers);
    return keys;
  }

  private static void addKeys(List<String> keys, String header, Map<String, Object> headers) {
    if (!headers.containsKey(header)) {
      return;
    }
    if (!(headers.get(header) instanceof List<?> values)) {
      throw AmqpException.preconditionFailed(
          "invalid message: {unacceptable_type_in_header,\""
              + header
              + "\","
              + QueueArguments.typeName(headers.get(header))
              + "}");
    }
    for (Object value : values) {
      if (value instanceof String key) {
        keys.add(key);
      }
    }
  }

  /** {@code properties} without the BCC header; the same instance when there is none. */
  public static BasicProperties withoutBcc(BasicProperties properties) {
    if (properties == null
        || properties.headers() == null
        || !properties.headers().containsKey(BCC)) {
      return properties;
    }
    Map<String, Object> headers = new HashMap<>(properties.headers());
    headers.remove(BCC);
    return properties.toBuilder().headers(headers).build();
  }
}
