package io.warrenmq.model;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A content body frame. It owns one reference to its content: when decoded, a retained slice of the
 * inbound buffer (no copy); when written, the encoder releases it. Whoever consumes the frame
 * releases it (or passes the content on, retained, and then releases the frame).
 */
public final class ContentBodyFrame extends DefaultByteBufHolder implements Frame {
  private final int channel;

  /** Creates a body frame that takes ownership of {@code content}. */
  public ContentBodyFrame(int channel, ByteBuf content) {
    super(content);
    this.channel = channel;
  }

  @Override
  public int channel() {
    return channel;
  }

  @Override
  public ContentBodyFrame replace(ByteBuf content) {
    return new ContentBodyFrame(channel, content);
  }

  @Override
  public String toString() {
    return "ContentBodyFrame[channel=" + channel + ", bytes=" + content().readableBytes() + "]";
  }
}
