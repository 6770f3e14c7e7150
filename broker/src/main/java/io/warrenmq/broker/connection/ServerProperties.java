package io.warrenmq.broker.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-properties table of connection.start, in RabbitMQ's form. The capabilities table
 * advertises exactly what this broker implements, nothing more.
 */
final class ServerProperties {
  static final String VERSION = "0.1.0";

  private ServerProperties() {}

  static Map<String, Object> table() {
    Map<String, Object> capabilities = new LinkedHashMap<>();
    capabilities.put("publisher_confirms", true);
    capabilities.put("exchange_exchange_bindings", true);
    capabilities.put("basic.nack", true);
    capabilities.put("consumer_cancel_notify", true);
    capabilities.put("connection.blocked", true);
    capabilities.put("authentication_failure_close", true);
    capabilities.put("per_consumer_qos", true);
    capabilities.put("direct_reply_to", true);
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("capabilities", capabilities);
    table.put("product", "WarrenMQ");
    table.put("version", VERSION);
    table.put("platform", "Java " + Runtime.version().feature());
    table.put("cluster_name", "warrenmq@localhost");
    table.put("information", "An AMQP 0-9-1 broker on Netty");
    return table;
  }
}
