package io.warrenmq.client;

import java.util.List;

/**
 * In confirm mode, a mandatory message the broker could not route: it came back with {@code
 * basic.return} before its {@code basic.ack}. The message is in {@link #messages()}.
 */
public class UnroutableError extends AMQPChannelError {
  private static final long serialVersionUID = 1L;

  private final transient List<ReturnedMessage> messages;

  /** Creates the error for the returned messages. */
  public UnroutableError(List<ReturnedMessage> messages) {
    super(
        messages.isEmpty() || messages.get(0).method() == null
            ? 0
            : messages.get(0).method().replyCode(),
        messages.isEmpty() || messages.get(0).method() == null
            ? null
            : messages.get(0).method().replyText(),
        messages.size() + " unroutable message(s) returned by broker",
        null);
    this.messages = List.copyOf(messages);
  }

  /** The returned messages. */
  public List<ReturnedMessage> messages() {
    return messages;
  }
}
