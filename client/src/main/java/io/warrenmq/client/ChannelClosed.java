package io.warrenmq.client;

/** The channel is closed; carries the reply code and text of the close. */
public class ChannelClosed extends AMQPChannelError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param replyCode the AMQP reply code
   * @param replyText the reply text
   */
  public ChannelClosed(int replyCode, String replyText) {
    super(replyCode, replyText, "(" + replyCode + ", " + replyText + ")", null);
  }

  /** Creates the error with its own message. */
  protected ChannelClosed(int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
