package io.warrenmq.model;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AbstractReferenceCounted;
import io.warrenmq.model.generated.BasicProperties;

/**
 * A method together with its content, if it carries any: what a channel sends or receives as one
 * unit. Inbound, the {@link io.warrenmq.model.codec.CommandAssembler} builds it from frames;
 * outbound, the {@link io.warrenmq.model.codec.FrameEncoder} cuts it into frames for the negotiated
 * frame_max.
 *
 * <p>A command owns one reference to its body; releasing the command releases the body. Commands
 * without content hold an empty body and need no release, though releasing them is harmless.
 */
public final class Command extends AbstractReferenceCounted {
  private final int channel;
  private final Method method;
  private final BasicProperties properties;
  private final ByteBuf body;

  private Command(int channel, Method method, BasicProperties properties, ByteBuf body) {
    this.channel = channel;
    this.method = method;
    this.properties = properties;
    this.body = body;
  }

  /** A command without content. */
  public static Command of(int channel, Method method) {
    if (method.hasContent()) {
      throw new IllegalArgumentException(method.methodName() + " carries content");
    }
    return new Command(channel, method, null, Unpooled.EMPTY_BUFFER);
  }

  /** A command with content; takes ownership of {@code body}. */
  public static Command withContent(
      int channel, Method method, BasicProperties properties, ByteBuf body) {
    if (!method.hasContent()) {
      body.release();
      throw new IllegalArgumentException(method.methodName() + " carries no content");
    }
    return new Command(channel, method, properties, body);
  }

  /** The channel number. */
  public int channel() {
    return channel;
  }

  /** The method. */
  public Method method() {
    return method;
  }

  /** The content properties, or null when the method carries no content. */
  public BasicProperties properties() {
    return properties;
  }

  /** The body; valid until the command is released. Empty for methods without content. */
  public ByteBuf body() {
    return body;
  }

  /** True when the method carries content. */
  public boolean hasContent() {
    return properties != null;
  }

  @Override
  protected void deallocate() {
    body.release();
  }

  @Override
  public Command retain() {
    super.retain();
    return this;
  }

  @Override
  public Command retain(int increment) {
    super.retain(increment);
    return this;
  }

  @Override
  public Command touch() {
    return touch(null);
  }

  @Override
  public Command touch(Object hint) {
    body.touch(hint);
    return this;
  }

  @Override
  public String toString() {
    return "Command[channel="
        + channel
        + ", "
        + method
        + (hasContent() ? ", " + properties + ", " + body.readableBytes() + " bytes" : "")
        + "]";
  }
}
