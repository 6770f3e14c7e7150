package io.warrenmq.client;

/** An operation was attempted on a connection that is not open (or from its I/O thread). */
public class ConnectionWrongStateError extends AMQPConnectionError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public ConnectionWrongStateError(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public ConnectionWrongStateError(String message, Throwable cause) {
    super(message, cause);
  }
}
