package io.warrenmq.client;

import java.util.List;

/** In confirm mode, the broker refused a published message with {@code basic.nack}. */
public class NackError extends AMQPChannelError {
  private static final long serialVersionUID = 1L;

  private final transient List<ReturnedMessage> messages;

  /** Creates the error for the nacked messages. */
  public NackError(List<ReturnedMessage> messages) {
    super(messages.size() + " message(s) NACKed by broker");
    this.messages = List.copyOf(messages);
  }

  /** The nacked messages. */
  public List<ReturnedMessage> messages() {
    return messages;
  }
}
