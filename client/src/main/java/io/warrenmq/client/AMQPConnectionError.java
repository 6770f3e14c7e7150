package io.warrenmq.client;

/** A connection could not be opened or was lost. Base of every connection-level error. */
public class AMQPConnectionError extends AMQPError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public AMQPConnectionError(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public AMQPConnectionError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the error with the broker's reply code and text. */
  public AMQPConnectionError(int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
