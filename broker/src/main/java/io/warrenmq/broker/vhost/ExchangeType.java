package io.warrenmq.broker.vhost;

import io.warrenmq.model.AmqpException;

/** The exchange types this broker implements. */
public enum ExchangeType {
  DIRECT("direct"),
  FANOUT("fanout"),
  TOPIC("topic"),
  HEADERS("headers");

  private final String wireName;

  ExchangeType(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in exchange.declare. */
  public String wireName() {
    return wireName;
  }

  /** The type named {@code name}; 503 COMMAND_INVALID for an unknown type, as RabbitMQ answers. */
  public static ExchangeType of(String name) {
    for (ExchangeType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw AmqpException.commandInvalid("unknown exchange type '" + name + "'");
  }
}
