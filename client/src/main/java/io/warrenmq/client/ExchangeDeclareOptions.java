package io.warrenmq.client;

import java.util.Map;

/**
 * pika's optional keyword arguments of {@code exchange_declare}, set in a lambda: {@code
 * channel.exchangeDeclare("logs", "fanout", o -> o.durable(true))}. All default to false / none.
 */
public final class ExchangeDeclareOptions {
  boolean passive;
  boolean durable;
  boolean autoDelete;
  boolean internal;
  Map<String, Object> arguments = Map.of();

  ExchangeDeclareOptions() {}

  /** Only check that the exchange exists (404 when it does not). */
  public ExchangeDeclareOptions passive(boolean passive) {
    this.passive = passive;
    return this;
  }

  /** Survive a broker restart. */
  public ExchangeDeclareOptions durable(boolean durable) {
    this.durable = durable;
    return this;
  }

  /** Delete the exchange when its last binding goes. */
  public ExchangeDeclareOptions autoDelete(boolean autoDelete) {
    this.autoDelete = autoDelete;
    return this;
  }

  /** Refuse direct publishing; only exchange-to-exchange bindings feed it. */
  public ExchangeDeclareOptions internal(boolean internal) {
    this.internal = internal;
    return this;
  }

  /** Extra arguments, e.g. {@code alternate-exchange}. */
  public ExchangeDeclareOptions arguments(Map<String, Object> arguments) {
    this.arguments = arguments == null ? Map.of() : arguments;
    return this;
  }
}
