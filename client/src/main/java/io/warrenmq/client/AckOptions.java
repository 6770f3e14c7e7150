package io.warrenmq.client;

/**
 * pika's optional keyword arguments of {@code basic_ack}, {@code basic_nack}, {@code basic_reject}
 * and {@code basic_recover}: {@code ch.basicNack(tag, o -> o.multiple(true).requeue(false))}.
 * {@code requeue} defaults to true, as in pika; {@code basicRecover} defaults it to false.
 */
public final class AckOptions {
  boolean multiple;
  Boolean requeue;

  AckOptions() {}

  /** Settle every unsettled delivery up to and including this tag (ack and nack only). */
  public AckOptions multiple(boolean multiple) {
    this.multiple = multiple;
    return this;
  }

  /** Put the message back in the queue (nack, reject and recover only). */
  public AckOptions requeue(boolean requeue) {
    this.requeue = requeue;
    return this;
  }
}
