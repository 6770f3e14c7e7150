package io.warrenmq.client;

/** The broker sent nothing for two heartbeat intervals; the connection was dropped as dead. */
public class AMQPHeartbeatTimeout extends AMQPConnectionError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public AMQPHeartbeatTimeout(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public AMQPHeartbeatTimeout(String message, Throwable cause) {
    super(message, cause);
  }
}
