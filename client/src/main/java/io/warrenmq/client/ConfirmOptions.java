package io.warrenmq.client;

/**
 * Options of {@link BlockingChannel#confirmDelivery(java.util.function.Consumer)}: {@code
 * channel.confirmDelivery(o -> o.waitForEach(false))}.
 */
public final class ConfirmOptions {
  boolean waitForEach = true;

  ConfirmOptions() {}

  /**
   * Whether {@link BlockingChannel#basicPublish} waits for each message's confirm. True by default,
   * as pika's {@code confirm_delivery()}: the publish returns once acked and throws {@link
   * NackError} or {@link UnroutableError}. False: it returns once the message is queued for the
   * socket, and the confirms are awaited with {@link BlockingChannel#waitForConfirmsOrDie(double)}
   * or observed with {@link BlockingChannel#addOnConfirmCallback}, as with the official client's
   * {@code confirmSelect()}.
   */
  public ConfirmOptions waitForEach(boolean waitForEach) {
    this.waitForEach = waitForEach;
    return this;
  }
}
