package io.warrenmq.client;

/**
 * The root of the client's exceptions, named after pika's {@code pika.exceptions}. Unchecked, as
 * pika's are. Carries the broker's reply code and text when the broker sent one (0 and null
 * otherwise).
 */
public class AMQPError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int replyCode;
  private final String replyText;

  /** An error without a reply code. */
  public AMQPError(String message) {
    this(0, null, message, null);
  }

  /** An error without a reply code, caused by {@code cause}. */
  public AMQPError(String message, Throwable cause) {
    this(0, null, message, cause);
  }

  /**
   * An error with the broker's reply code and text.
   *
   * @param replyCode the AMQP reply code, or 0
   * @param replyText the reply text, or null
   * @param message the exception message
   * @param cause the cause, or null
   */
  public AMQPError(int replyCode, String replyText, String message, Throwable cause) {
    super(message, cause);
    this.replyCode = replyCode;
    this.replyText = replyText;
  }

  /** The AMQP reply code the broker sent, or 0 when there was none. */
  public int replyCode() {
    return replyCode;
  }

  /** The reply text the broker sent, or null when there was none. */
  public String replyText() {
    return replyText;
  }
}
