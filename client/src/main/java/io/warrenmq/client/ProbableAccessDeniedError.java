package io.warrenmq.client;

/** The broker refused access to the virtual host (530 NOT_ALLOWED or 402 on connection.open). */
public class ProbableAccessDeniedError extends AMQPConnectionError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param replyCode the AMQP reply code
   * @param replyText the reply text
   */
  public ProbableAccessDeniedError(int replyCode, String replyText) {
    super(replyCode, replyText, "(" + replyCode + ", " + replyText + ")", null);
  }

  /** Creates the error with its own message. */
  protected ProbableAccessDeniedError(
      int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
