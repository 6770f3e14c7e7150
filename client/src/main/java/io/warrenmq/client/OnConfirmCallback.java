package io.warrenmq.client;

/**
 * Receives the broker's publisher confirms: {@code (deliveryTag, multiple, ack) -> ...}. The
 * delivery tag is the message's sequence number ({@link BlockingChannel#nextPublishSeqNo()} before
 * it was published); with {@code multiple} the confirm covers every outstanding sequence number up
 * to and including it. Runs on the dispatching thread ({@code processDataEvents}, {@code sleep},
 * {@code startConsuming}), in order with the connection's other callbacks; an exception it throws
 * propagates out of that call.
 */
@FunctionalInterface
public interface OnConfirmCallback {
  /**
   * Handles one basic.ack or basic.nack.
   *
   * @param deliveryTag the sequence number confirmed (and, with {@code multiple}, those below it)
   * @param multiple whether the confirm covers every outstanding sequence number up to the tag
   * @param ack true for basic.ack, false for basic.nack (the broker refused the message)
   */
  void call(long deliveryTag, boolean multiple, boolean ack) throws Exception;
}
