package io.warrenmq.client;

import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;

/**
 * The message {@link BlockingChannel#basicGet} fetched: pika's {@code (method, properties, body)}.
 *
 * @param method the basic.get-ok: delivery tag, redelivered, exchange, routing key, message count
 * @param properties the message properties
 * @param body the message body
 */
public record GetResponse(Basic.GetOk method, BasicProperties properties, byte[] body) {
  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
