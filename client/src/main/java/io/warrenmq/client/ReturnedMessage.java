package io.warrenmq.client;

import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;

/**
 * A message the broker handed back with {@code basic.return} (mandatory and unroutable), or one it
 * refused with {@code basic.nack} in confirm mode (then {@code method} is null), like pika's {@code
 * ReturnedMessage}.
 *
 * @param method the basic.return, with reply code, reply text, exchange and routing key; null for a
 *     nacked message
 * @param properties the message properties
 * @param body the message body
 */
public record ReturnedMessage(Basic.Return method, BasicProperties properties, byte[] body) {}
