package io.warrenmq.client;

/** An operation was attempted on a channel that is not open, or in a mode that forbids it. */
public class ChannelWrongStateError extends AMQPChannelError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public ChannelWrongStateError(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public ChannelWrongStateError(String message, Throwable cause) {
    super(message, cause);
  }
}
