package io.warrenmq.client;

/**
 * The broker refused the login (403 ACCESS_REFUSED during the handshake): wrong user name or
 * password, or a mechanism it does not allow.
 */
public class ProbableAuthenticationError extends AMQPConnectionError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param replyCode the AMQP reply code
   * @param replyText the reply text
   */
  public ProbableAuthenticationError(int replyCode, String replyText) {
    super(replyCode, replyText, "(" + replyCode + ", " + replyText + ")", null);
  }

  /** Creates the error with its own message. */
  protected ProbableAuthenticationError(
      int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
