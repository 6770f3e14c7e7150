package io.warrenmq.client;

/**
 * The broker kept the connection blocked (connection.blocked) longer than the configured
 * blocked-connection timeout.
 */
public class ConnectionBlockedTimeout extends AMQPConnectionError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public ConnectionBlockedTimeout(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public ConnectionBlockedTimeout(String message, Throwable cause) {
    super(message, cause);
  }
}
