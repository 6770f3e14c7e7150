package io.warrenmq.client;

/** An error confined to one channel. Base of every channel-level error. */
public class AMQPChannelError extends AMQPError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public AMQPChannelError(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public AMQPChannelError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the error with the broker's reply code and text. */
  public AMQPChannelError(int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
