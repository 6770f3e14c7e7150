package io.warrenmq.client;

/** basicConsume was given a consumer tag already in use on this channel. */
public class DuplicateConsumerTag extends AMQPChannelError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public DuplicateConsumerTag(String message) {
    super(message);
  }

  /** Creates the error with a cause. */
  public DuplicateConsumerTag(String message, Throwable cause) {
    super(message, cause);
  }
}
