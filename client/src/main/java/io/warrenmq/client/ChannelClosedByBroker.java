package io.warrenmq.client;

/**
 * The broker closed the channel (channel.close), e.g. 404 NOT_FOUND, 405 RESOURCE_LOCKED, 406
 * PRECONDITION_FAILED.
 */
public class ChannelClosedByBroker extends ChannelClosed {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param replyCode the AMQP reply code
   * @param replyText the reply text
   */
  public ChannelClosedByBroker(int replyCode, String replyText) {
    super(replyCode, replyText, "(" + replyCode + ", " + replyText + ")", null);
  }

  /** Creates the error with its own message. */
  protected ChannelClosedByBroker(
      int replyCode, String replyText, String message, Throwable cause) {
    super(replyCode, replyText, message, cause);
  }
}
