package io.warrenmq.client;

/**
 * The broker closed the connection (connection.close), e.g. 320 CONNECTION_FORCED or 530
 * NOT_ALLOWED.
 */
public class ConnectionClosedByBroker extends ConnectionClosed {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param replyCode the AMQP reply code
   * @param replyText the reply text
   */
  public ConnectionClosedByBroker(int replyCode, String replyText) {
    super(replyCode, replyText, "(" + replyCode + ", " + replyText + ")", null);
  }

  /** Creates the error with its own message. */
  protected ConnectionClosedByBroker(
      int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
