package io.warrenmq.client;

import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;

/**
 * A consumer callback with pika's four arguments: {@code (ch, method, properties, body) -> ...}.
 * Runs on the thread in {@code startConsuming}/{@code processDataEvents}; an exception it throws
 * propagates out of that call.
 */
@FunctionalInterface
public interface OnMessageCallback {
  /**
   * Handles one delivery.
   *
   * @param channel the channel the consumer is on
   * @param method the basic.deliver: {@code method.deliveryTag()}, {@code consumerTag()}, {@code
   *     exchange()}, {@code routingKey()}, {@code redelivered()}
   * @param properties the message properties
   * @param body the message body
   */
  void call(BlockingChannel channel, Basic.Deliver method, BasicProperties properties, byte[] body)
      throws Exception;
}
