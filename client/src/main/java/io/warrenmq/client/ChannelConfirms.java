package io.warrenmq.client;

import io.warrenmq.client.internal.ConfirmTracker;
import io.warrenmq.model.generated.Confirm;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The publisher-confirm calls of {@link BlockingChannel}: confirm.select ({@link
 * #confirmDelivery()}), the next sequence number, waiting for a batch of confirms and the confirm
 * callback. Publishing itself stays in {@link BlockingChannel#basicPublish}, which reads the mode
 * set here under the same publish lock.
 */
public abstract class ChannelConfirms extends ChannelAcks {
  /** Serializes publishes, and confirm.select with them. */
  final ReentrantLock publishLock = new ReentrantLock();

  /** Sequence numbers, unconfirmed messages and the nacks and returns not yet reported. */
  final ConfirmTracker confirms = new ConfirmTracker();

  private final List<OnConfirmCallback> confirmCallbacks = new CopyOnWriteArrayList<>();
  private volatile boolean confirmMode;
  private volatile boolean waitForEach = true;

  ChannelConfirms() {}

  abstract int channelNumber();

  abstract void checkUsable();

  /**
   * Turns on publisher confirms: from now on {@link BlockingChannel#basicPublish} waits for the
   * broker's ack.
   */
  public void confirmDelivery() {
    confirmDelivery(o -> {});
  }

  /**
   * Turns on publisher confirms; with {@code o -> o.waitForEach(false)} publishes do not wait for
   * their confirms, which are then awaited with {@link #waitForConfirmsOrDie(double)} or observed
   * with {@link #addOnConfirmCallback} (the official client's {@code confirmSelect()}). Calling it
   * again only changes {@code waitForEach}.
   */
  public void confirmDelivery(Consumer<ConfirmOptions> options) {
    ConfirmOptions o = new ConfirmOptions();
    options.accept(o);
    publishLock.lock();
    try {
      if (!confirmMode) {
        rpc(new Confirm.Select(false));
        confirmMode = true;
      }
      waitForEach = o.waitForEach;
    } finally {
      publishLock.unlock();
    }
  }

  /** True once {@link #confirmDelivery()} succeeded. */
  public boolean isConfirmDelivery() {
    return confirmMode;
  }

  /**
   * The sequence number (the broker's delivery tag in its confirm) the next publish on this channel
   * will have: 1 for the first publish after {@link #confirmDelivery()}; 0 outside confirm mode.
   * The official client's {@code getNextPublishSeqNo()}.
   */
  public long nextPublishSeqNo() {
    return confirmMode ? confirms.nextSequence() : 0;
  }

  /**
   * Waits until the broker has acked or nacked every message published so far on this channel. Does
   * not run callbacks.
   *
   * @return false when a message was nacked since the previous {@code waitForConfirms*} call
   * @throws ConfirmTimeoutError when {@code timeoutSeconds} pass first
   * @throws ChannelWrongStateError outside confirm mode
   */
  public boolean waitForConfirms(double timeoutSeconds) {
    checkConfirmMode();
    return confirms.awaitAll(nanos(timeoutSeconds), false);
  }

  /** {@link #waitForConfirms(double)} without a time limit. */
  public boolean waitForConfirms() {
    return waitForConfirms(Double.POSITIVE_INFINITY);
  }

  /**
   * Waits like {@link #waitForConfirms(double)}, then throws when the broker refused or returned
   * messages since the previous {@code waitForConfirms*} call: {@link NackError} with the nacked
   * messages, else {@link UnroutableError} with the returned ones (mandatory and unroutable), as
   * pika's publish does per message. The official client's {@code waitForConfirmsOrDie}; the
   * channel stays open.
   *
   * @throws ConfirmTimeoutError when {@code timeoutSeconds} pass first
   * @throws ChannelWrongStateError outside confirm mode
   */
  public void waitForConfirmsOrDie(double timeoutSeconds) {
    checkConfirmMode();
    confirms.awaitAll(nanos(timeoutSeconds), true);
  }

  /** {@link #waitForConfirmsOrDie(double)} without a time limit. */
  public void waitForConfirmsOrDie() {
    waitForConfirmsOrDie(Double.POSITIVE_INFINITY);
  }

  /**
   * Adds a callback for the broker's publisher confirms, {@code (deliveryTag, multiple, ack) ->
   * ...}, run on the dispatching thread ({@link BlockingConnection#processDataEvents}, {@link
   * BlockingConnection#sleep}, {@link BlockingChannel#startConsuming()}) in order with the other
   * callbacks; the official client's {@code addConfirmListener}. It sees the confirms that arrive
   * after it was added.
   */
  public void addOnConfirmCallback(OnConfirmCallback callback) {
    confirmCallbacks.add(callback);
  }

  boolean isConfirmMode() {
    return confirmMode;
  }

  boolean isWaitForEach() {
    return waitForEach;
  }

  List<OnConfirmCallback> confirmCallbacks() {
    return confirmCallbacks;
  }

  private void checkConfirmMode() {
    checkUsable();
    if (!confirmMode) {
      throw new ChannelWrongStateError(
          "Channel " + channelNumber() + " is not in confirm mode: call confirmDelivery() first");
    }
  }

  private static long nanos(double seconds) {
    return Double.isInfinite(seconds) || seconds * 1e9 >= Long.MAX_VALUE
        ? Long.MAX_VALUE
        : (long) Math.max(0, seconds * 1e9);
  }
}
