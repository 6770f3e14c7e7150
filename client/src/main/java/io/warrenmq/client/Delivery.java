package io.warrenmq.client;

import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;

/**
 * One message delivered to a consumer: what pika's {@code consume()} generator yields as {@code
 * (method, properties, body)}.
 *
 * @param method the basic.deliver: delivery tag, consumer tag, exchange, routing key, redelivered
 * @param properties the message properties (never null; empty when the publisher set none)
 * @param body the message body
 */
public record Delivery(Basic.Deliver method, BasicProperties properties, byte[] body) {
  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
