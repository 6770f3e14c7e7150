package io.warrenmq.client;

/** The TCP connection was lost without an AMQP close (reset, EOF, I/O error). */
public class StreamLostError extends AMQPConnectionError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public StreamLostError(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public StreamLostError(String message, Throwable cause) {
    super(message, cause);
  }
}
