package io.warrenmq.broker.management;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.warrenmq.model.generated.BasicProperties;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages as RabbitMQ's management API writes them: {@code properties} objects with AMQP's
 * property names in snake case, and payloads as text ({@code "string"}) or {@code "base64"}.
 * Stateless.
 */
final class MessageJson {
  private MessageJson() {}

  /** The properties of a publish request; 400 for a field of the wrong type. */
  static BasicProperties properties(Object json) {
    if (json == null) {
      return BasicProperties.EMPTY;
    }
    if (!(json instanceof Map<?, ?> map)) {
      throw ApiException.badRequest("properties must be an object");
    }
    BasicProperties.Builder b = BasicProperties.builder();
    b.contentType(text(map, "content_type"));
    b.contentEncoding(text(map, "content_encoding"));
    if (map.get("headers") instanceof Map<?, ?> headers && !headers.isEmpty()) {
      Map<String, Object> copy = new LinkedHashMap<>();
      headers.forEach((k, v) -> copy.put(String.valueOf(k), v));
      b.headers(copy);
    }
    b.deliveryMode(integer(map, "delivery_mode"));
    b.priority(integer(map, "priority"));
    b.correlationId(text(map, "correlation_id"));
    b.replyTo(text(map, "reply_to"));
    b.expiration(text(map, "expiration"));
    b.messageId(text(map, "message_id"));
    Integer timestamp = integer(map, "timestamp");
    if (timestamp != null) {
      b.timestamp(Instant.ofEpochSecond(timestamp));
    }
    b.type(text(map, "type"));
    b.userId(text(map, "user_id"));
    b.appId(text(map, "app_id"));
    return b.build();
  }

  /** The properties that are set, as RabbitMQ lists them. */
  static Map<String, Object> describe(BasicProperties p) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (p == null) {
      return out;
    }
    put(out, "content_type", p.contentType());
    put(out, "content_encoding", p.contentEncoding());
    put(out, "headers", p.headers());
    put(out, "delivery_mode", p.deliveryMode());
    put(out, "priority", p.priority());
    put(out, "correlation_id", p.correlationId());
    put(out, "reply_to", p.replyTo());
    put(out, "expiration", p.expiration());
    put(out, "message_id", p.messageId());
    put(out, "timestamp", p.timestamp() == null ? null : p.timestamp().getEpochSecond());
    put(out, "type", p.type());
    put(out, "user_id", p.userId());
    put(out, "app_id", p.appId());
    return out;
  }

  /** The body of a publish request: {@code payload} in {@code payload_encoding}. */
  static ByteBuf payload(Map<String, Object> body) {
    String payload = ApiRequest.stringField(body, "payload");
    Object encoding = body.getOrDefault("payload_encoding", "string");
    if ("string".equals(encoding)) {
      return Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8);
    }
    if ("base64".equals(encoding)) {
      try {
        return Unpooled.wrappedBuffer(Base64.getDecoder().decode(payload));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("payload is not base64");
      }
    }
    throw ApiException.badRequest("unknown payload_encoding " + encoding);
  }

  /**
   * Writes {@code body} into {@code out} as RabbitMQ's get does: {@code auto} gives text when the
   * bytes are UTF-8, base64 otherwise; {@code truncate} (negative for none) limits the bytes shown.
   */
  static void payload(ByteBuf body, boolean base64Only, int truncate, Map<String, Object> out) {
    int length = truncate >= 0 ? Math.min(truncate, body.readableBytes()) : body.readableBytes();
    byte[] bytes = ByteBufUtil.getBytes(body, body.readerIndex(), length);
    out.put("payload_bytes", body.readableBytes());
    String text = base64Only ? null : utf8(bytes);
    if (text != null) {
      out.put("payload", text);
      out.put("payload_encoding", "string");
    } else {
      out.put("payload", Base64.getEncoder().encodeToString(bytes));
      out.put("payload_encoding", "base64");
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void put(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw ApiException.badRequest("property " + key + " must be a string");
    }
    return text;
  }

  private static Integer integer(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Long number) {
      return Math.toIntExact(number);
    }
    if (value instanceof String text && text.matches("\\d+")) {
      return Integer.valueOf(text);
    }
    throw ApiException.badRequest("property " + key + " must be an integer");
  }
}
