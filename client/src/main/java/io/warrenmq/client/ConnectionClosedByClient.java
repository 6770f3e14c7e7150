package io.warrenmq.client;

/** This client closed the connection; raised by operations attempted afterwards. */
public class ConnectionClosedByClient extends ConnectionClosed {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param replyCode the AMQP reply code
   * @param replyText the reply text
   */
  public ConnectionClosedByClient(int replyCode, String replyText) {
    super(replyCode, replyText, "(" + replyCode + ", " + replyText + ")", null);
  }

  /** Creates the error with its own message. */
  protected ConnectionClosedByClient(
      int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
