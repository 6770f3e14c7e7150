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
  private final ByteBuf body;
  private final StoreRef storeRef;

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
    return body;
  }

  /** The body size in bytes. */
  public int size() {
    return body.readableBytes();
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
    return body.retainedDuplicate();
  }
}
