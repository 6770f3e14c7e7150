package io.warrenmq.broker.vhost;

import java.util.Map;

/** An exchange's declared properties, fixed at creation. */
public record ExchangeSettings(
    String name,
    ExchangeType type,
    boolean durable,
    boolean autoDelete,
    boolean internal,
    Map<String, Object> arguments) {

  /** The {@code alternate-exchange} argument: where unroutable messages go; null for none. */
  public String alternateExchange() {
    return arguments.get("alternate-exchange") instanceof String alternate ? alternate : null;
  }
}
