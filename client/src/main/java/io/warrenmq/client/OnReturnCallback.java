package io.warrenmq.client;

import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;

/**
 * Receives messages the broker returned (mandatory and unroutable) outside confirm mode, with
 * pika's four arguments. Runs on the dispatching thread.
 */
@FunctionalInterface
public interface OnReturnCallback {
  /**
   * Handles one returned message.
   *
   * @param channel the channel that published it
   * @param method the basic.return: reply code, reply text, exchange, routing key
   * @param properties the message properties
   * @param body the message body
   */
  void call(BlockingChannel channel, Basic.Return method, BasicProperties properties, byte[] body)
      throws Exception;
}
