package io.warrenmq.broker.queue;

import io.netty.buffer.ByteBuf;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.model.generated.BasicProperties;

/**
 * One published message: where it was published, its properties and its body. Immutable apart from
 * the body's reference count, so one instance is shared by every queue it was routed to.
 *
 * <p>Ownership: each holder (a queue's ready entry, a channel's unacked entry, a write in flight)
 * owns one reference to {@link #body()}; {@link #retain()} hands out another, {@link #release()}
 * gives one back.
 */
public final class Message {
  private final String exchange;
  private final String routingKey;
  private final BasicProperties properties;

  /**
   * The body, or (with {@code offset} ≥ 0) the chunk it was copied into, see {@link BodyChunks}.
   */
  private final ByteBuf body;

  private final StoreRef storeRef;

  /**
   * Where the body starts in {@code body}, -1 when {@code body} is the body itself: a message
   * copied into a chunk refers to it without a slice object of its own, 56 bytes less per message
   * held in a deep queue.
   */
  private final int offset;

  private final int length;

  /** Creates a transient message that takes ownership of one reference to {@code body}. */
  public Message(String exchange, String routingKey, BasicProperties properties, ByteBuf body) {
    this(exchange, routingKey, properties, body, null);
  }

  /**
   * Creates a message that takes ownership of one reference to {@code body}; {@code storeRef} is
   * non-null for a persistent message written to the message store.
   */
  public Message(
      String exchange,
      String routingKey,
      BasicProperties properties,
      ByteBuf body,
      StoreRef storeRef) {
    this.exchange = exchange;
    this.routingKey = routingKey;
    this.properties = properties;
    this.body = body;
    this.storeRef = storeRef;
    this.offset = -1;
    this.length = 0;
  }

  private Message(
      String exchange,
      String routingKey,
      BasicProperties properties,
      ByteBuf chunk,
      int offset,
      int length) {
    this.exchange = exchange;
    this.routingKey = routingKey;
    this.properties = properties;
    this.body = chunk;
    this.storeRef = null;
    this.offset = offset;
    this.length = length;
  }

  /**
   * A transient message whose body is {@code length} bytes of {@code chunk} at {@code offset};
   * takes ownership of one reference to {@code chunk}.
   */
  static Message inChunk(
      String exchange,
      String routingKey,
      BasicProperties properties,
      ByteBuf chunk,
      int offset,
      int length) {
    return new Message(exchange, routingKey, properties, chunk, offset, length);
  }

  /** True when the body is a copy in a chunk (see {@link BodyChunks}). */
  boolean isInChunk() {
    return offset >= 0;
  }

  /** Where the store keeps this message; null for a message that is only in memory. */
  public StoreRef storeRef() {
    return storeRef;
  }

  /** True for delivery mode 2 (spec: basic.properties delivery-mode). */
  public boolean isPersistent() {
    return properties != null
        && properties.deliveryMode() != null
        && properties.deliveryMode() == 2;
  }

  public String exchange() {
    return exchange;
  }

  public String routingKey() {
    return routingKey;
  }

  public BasicProperties properties() {
    return properties;
  }

  /** The body; valid while the caller holds a reference. */
  public ByteBuf body() {
    return offset < 0 ? body : body.slice(offset, length);
  }

  /** The body size in bytes. */
  public int size() {
    return offset < 0 ? body.readableBytes() : length;
  }

  /** True when nobody but the caller holds a reference to this message's body. */
  boolean isSoleHolder() {
    return body.refCnt() == 1;
  }

  /** Takes one more reference for a new holder. */
  public Message retain() {
    body.retain();
    return this;
  }

  /** Gives back one reference. */
  public void release() {
    body.release();
  }

  /** A duplicate of the body with its own reference, for a write that releases it. */
  public ByteBuf retainedBody() {
    return offset < 0 ? body.retainedDuplicate() : body.retainedSlice(offset, length);
  }
}
