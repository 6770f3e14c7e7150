package io.warrenmq.client;

import java.util.Map;

/**
 * pika's optional keyword arguments of {@code queue_declare}, set in a lambda: {@code
 * channel.queueDeclare("", o -> o.exclusive(true))}. All default to false / none.
 */
public final class QueueDeclareOptions {
  boolean passive;
  boolean durable;
  boolean exclusive;
  boolean autoDelete;
  Map<String, Object> arguments = Map.of();

  QueueDeclareOptions() {}

  /** Only check that the queue exists (404 when it does not). */
  public QueueDeclareOptions passive(boolean passive) {
    this.passive = passive;
    return this;
  }

  /** Survive a broker restart. */
  public QueueDeclareOptions durable(boolean durable) {
    this.durable = durable;
    return this;
  }

  /** Only this connection may use the queue; it is deleted when the connection closes. */
  public QueueDeclareOptions exclusive(boolean exclusive) {
    this.exclusive = exclusive;
    return this;
  }

  /** Delete the queue when its last consumer goes. */
  public QueueDeclareOptions autoDelete(boolean autoDelete) {
    this.autoDelete = autoDelete;
    return this;
  }

  /** Extra arguments, e.g. {@code x-message-ttl}, {@code x-max-length}. */
  public QueueDeclareOptions arguments(Map<String, Object> arguments) {
    this.arguments = arguments == null ? Map.of() : arguments;
    return this;
  }
}
