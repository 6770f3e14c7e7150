// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.codec.FieldTables;
import io.warrenmq.model.codec.Wire;
import java.time.Instant;
import java.util.Map;

/**
 * The properties of a {@code basic} content header. A null component is a property that is absent
 * (its flag bit clear). Property {@code i} (from 0) has flag bit {@code 15 - i}; bit 0 of
 * a flag word says another flag word follows.
 *
 * @param contentType content-type
 * @param contentEncoding content-encoding
 * @param headers headers
 * @param deliveryMode delivery-mode
 * @param priority priority
 * @param correlationId correlation-id
 * @param replyTo reply-to
 * @param expiration expiration
 * @param messageId message-id
 * @param timestamp timestamp
 * @param type type
 * @param userId user-id
 * @param appId app-id
 * @param clusterId cluster-id
 */
public record BasicProperties(
    String contentType,
    String contentEncoding,
    Map<String, Object> headers,
    Integer deliveryMode,
    Integer priority,
    String correlationId,
    String replyTo,
    String expiration,
    String messageId,
    Instant timestamp,
    String type,
    String userId,
    String appId,
    String clusterId) {

  /** No properties at all. */
  public static final BasicProperties EMPTY = builder().build();

  /** Checks ranges; freezes the headers table. */
  public BasicProperties {
    headers = headers == null ? null : FieldTables.immutable(headers);
    if (deliveryMode != null) {
      Wire.checkOctet(deliveryMode, "delivery-mode");
    }
    if (priority != null) {
      Wire.checkOctet(priority, "priority");
    }
  }

  /** The first property flag word (this class needs no continuation word). */
  public int flags() {
    int flags = 0;
    if (contentType != null) {
      flags |= 32768;
    }
    if (contentEncoding != null) {
      flags |= 16384;
    }
    if (headers != null) {
      flags |= 8192;
    }
    if (deliveryMode != null) {
      flags |= 4096;
    }
    if (priority != null) {
      flags |= 2048;
    }
    if (correlationId != null) {
      flags |= 1024;
    }
    if (replyTo != null) {
      flags |= 512;
    }
    if (expiration != null) {
      flags |= 256;
    }
    if (messageId != null) {
      flags |= 128;
    }
    if (timestamp != null) {
      flags |= 64;
    }
    if (type != null) {
      flags |= 32;
    }
    if (userId != null) {
      flags |= 16;
    }
    if (appId != null) {
      flags |= 8;
    }
    if (clusterId != null) {
      flags |= 4;
    }
    return flags;
  }

  /** The exact size of the flag word and the present properties. */
  public int encodedSize() {
    int size = 2;
    if (contentType != null) {
      size += Wire.shortStringSize(contentType);
    }
    if (contentEncoding != null) {
      size += Wire.shortStringSize(contentEncoding);
    }
    if (headers != null) {
      size += FieldTables.tableSize(headers);
    }
    if (deliveryMode != null) {
      size += 1;
    }
    if (priority != null) {
      size += 1;
    }
    if (correlationId != null) {
      size += Wire.shortStringSize(correlationId);
    }
    if (replyTo != null) {
      size += Wire.shortStringSize(replyTo);
    }
    if (expiration != null) {
      size += Wire.shortStringSize(expiration);
    }
    if (messageId != null) {
      size += Wire.shortStringSize(messageId);
    }
    if (timestamp != null) {
      size += 8;
    }
    if (type != null) {
      size += Wire.shortStringSize(type);
    }
    if (userId != null) {
      size += Wire.shortStringSize(userId);
    }
    if (appId != null) {
      size += Wire.shortStringSize(appId);
    }
    if (clusterId != null) {
      size += Wire.shortStringSize(clusterId);
    }
    return size;
  }

  /** Writes the flag word and the present properties. */
  public void writeTo(ByteBuf out) {
    Wire.writeShort(out, flags());
    if (contentType != null) {
      Wire.writeShortString(out, contentType);
    }
    if (contentEncoding != null) {
      Wire.writeShortString(out, contentEncoding);
    }
    if (headers != null) {
      FieldTables.writeTable(out, headers);
    }
    if (deliveryMode != null) {
      Wire.writeOctet(out, deliveryMode);
    }
    if (priority != null) {
      Wire.writeOctet(out, priority);
    }
    if (correlationId != null) {
      Wire.writeShortString(out, correlationId);
    }
    if (replyTo != null) {
      Wire.writeShortString(out, replyTo);
    }
    if (expiration != null) {
      Wire.writeShortString(out, expiration);
    }
    if (messageId != null) {
      Wire.writeShortString(out, messageId);
    }
    if (timestamp != null) {
      Wire.writeTimestamp(out, timestamp);
    }
    if (type != null) {
      Wire.writeShortString(out, type);
    }
    if (userId != null) {
      Wire.writeShortString(out, userId);
    }
    if (appId != null) {
      Wire.writeShortString(out, appId);
    }
    if (clusterId != null) {
      Wire.writeShortString(out, clusterId);
    }
  }

  /**
   * Reads the flag words and the properties they announce.
   *
   * @throws AmqpException 501 FRAME_ERROR when a flag names a property that does not exist
   */
  public static BasicProperties read(ByteBuf in) {
    int flags = Wire.readShort(in);
    if ((flags & 2) != 0) {
      throw AmqpException.frameError("unknown content property flags " + flags);
    }
    for (int more = flags; (more & 1) != 0; ) {
      more = Wire.readShort(in);
      if ((more & ~1) != 0) {
        throw AmqpException.frameError("unknown content property flags " + more);
      }
    }
    Builder builder = builder();
    if ((flags & 32768) != 0) {
      builder.contentType(Wire.readShortString(in));
    }
    if ((flags & 16384) != 0) {
      builder.contentEncoding(Wire.readShortString(in));
    }
    if ((flags & 8192) != 0) {
      builder.headers(FieldTables.readTable(in));
    }
    if ((flags & 4096) != 0) {
      builder.deliveryMode(Wire.readOctet(in));
    }
    if ((flags & 2048) != 0) {
      builder.priority(Wire.readOctet(in));
    }
    if ((flags & 1024) != 0) {
      builder.correlationId(Wire.readShortString(in));
    }
    if ((flags & 512) != 0) {
      builder.replyTo(Wire.readShortString(in));
    }
    if ((flags & 256) != 0) {
      builder.expiration(Wire.readShortString(in));
    }
    if ((flags & 128) != 0) {
      builder.messageId(Wire.readShortString(in));
    }
    if ((flags & 64) != 0) {
      builder.timestamp(Wire.readTimestamp(in));
    }
    if ((flags & 32) != 0) {
      builder.type(Wire.readShortString(in));
    }
    if ((flags & 16) != 0) {
      builder.userId(Wire.readShortString(in));
    }
    if ((flags & 8) != 0) {
      builder.appId(Wire.readShortString(in));
    }
    if ((flags & 4) != 0) {
      builder.clusterId(Wire.readShortString(in));
    }
    return builder.build();
  }

  /** A builder with no properties set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these properties. */
  public Builder toBuilder() {
    return new Builder()
        .contentType(contentType)
        .contentEncoding(contentEncoding)
        .headers(headers)
        .deliveryMode(deliveryMode)
        .priority(priority)
        .correlationId(correlationId)
        .replyTo(replyTo)
        .expiration(expiration)
        .messageId(messageId)
        .timestamp(timestamp)
        .type(type)
        .userId(userId)
        .appId(appId)
        .clusterId(clusterId);
  }

  /** Builds {@link BasicProperties}; every property starts absent. */
  public static final class Builder {
    private String contentType;
    private String contentEncoding;
    private Map<String, Object> headers;
    private Integer deliveryMode;
    private Integer priority;
    private String correlationId;
    private String replyTo;
    private String expiration;
    private String messageId;
    private Instant timestamp;
    private String type;
    private String userId;
    private String appId;
    private String clusterId;

    private Builder() {}

    /** Sets content-type; null makes it absent. */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** Sets content-encoding; null makes it absent. */
    public Builder contentEncoding(String contentEncoding) {
      this.contentEncoding = contentEncoding;
      return this;
    }

    /** Sets headers; null makes it absent. */
    public Builder headers(Map<String, Object> headers) {
      this.headers = headers;
      return this;
    }

    /** Sets delivery-mode; null makes it absent. */
    public Builder deliveryMode(Integer deliveryMode) {
      this.deliveryMode = deliveryMode;
      return this;
    }

    /** Sets priority; null makes it absent. */
    public Builder priority(Integer priority) {
      this.priority = priority;
      return this;
    }

    /** Sets correlation-id; null makes it absent. */
    public Builder correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /** Sets reply-to; null makes it absent. */
    public Builder replyTo(String replyTo) {
      this.replyTo = replyTo;
      return this;
    }

    /** Sets expiration; null makes it absent. */
    public Builder expiration(String expiration) {
      this.expiration = expiration;
      return this;
    }

    /** Sets message-id; null makes it absent. */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    /** Sets timestamp; null makes it absent. */
    public Builder timestamp(Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** Sets type; null makes it absent. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets user-id; null makes it absent. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** Sets app-id; null makes it absent. */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /** Sets cluster-id; null makes it absent. */
    public Builder clusterId(String clusterId) {
      this.clusterId = clusterId;
      return this;
    }

    /** The properties set so far. */
    public BasicProperties build() {
      return new BasicProperties(
          contentType,
          contentEncoding,
          headers,
          deliveryMode,
          priority,
          correlationId,
          replyTo,
          expiration,
          messageId,
          timestamp,
          type,
          userId,
          appId,
          clusterId);
    }
  }
}
