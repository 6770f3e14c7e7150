package io.warrenmq.client.internal;

import io.netty.buffer.ByteBufUtil;
import io.warrenmq.model.Command;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.BasicProperties;

/**
 * An inbound command with its body copied out of Netty's buffers, so that it can cross to the
 * user's thread without reference counting.
 *
 * @param method the method
 * @param properties the content properties, or null without content
 * @param body the body, empty without content
 */
public record Reply(Method method, BasicProperties properties, byte[] body) {
  private static final byte[] EMPTY = new byte[0];

  /** Copies {@code command}; the caller still owns (and releases) it. */
  public static Reply copyOf(Command command) {
    if (!command.hasContent()) {
      return new Reply(command.method(), null, EMPTY);
    }
    return new Reply(command.method(), command.properties(), ByteBufUtil.getBytes(command.body()));
  }
}
