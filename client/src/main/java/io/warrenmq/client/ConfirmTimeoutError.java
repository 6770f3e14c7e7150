package io.warrenmq.client;

/**
 * {@link BlockingChannel#waitForConfirms(double)} or {@link
 * BlockingChannel#waitForConfirmsOrDie(double)} ran out of time before the broker confirmed every
 * outstanding message; the official client's {@code TimeoutException}. The channel stays open and
 * the confirms still count when they arrive.
 */
public class ConfirmTimeoutError extends AMQPChannelError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public ConfirmTimeoutError(String message) {
    super(message);
  }
}
