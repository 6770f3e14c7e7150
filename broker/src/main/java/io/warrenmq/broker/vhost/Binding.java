package io.warrenmq.broker.vhost;

import java.util.Map;

/**
 * A binding is a value (STYLE §2): two bindings with the same source, destination, key and
 * arguments are the same binding, as in RabbitMQ, so binding twice is a no-op.
 */
public record Binding(
    Exchange source, Destination destination, String routingKey, Map<String, Object> arguments) {}
