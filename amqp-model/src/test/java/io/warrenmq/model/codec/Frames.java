package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/** Test plumbing: push objects through the real encoder and decoder in embedded channels. */
final class Frames {
  private Frames() {}

  /** Encodes {@code messages} and returns the bytes written, as one buffer the caller releases. */
  static ByteBuf encode(long maxFrameSize, Object... messages) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameEncoder(maxFrameSize));
    for (Object message : messages) {
      channel.writeOutbound(message);
    }
    ByteBuf all = Unpooled.buffer();
    for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
      all.writeBytes(part);
      part.release();
    }
    channel.finishAndReleaseAll();
    return all;
  }

  /** Decodes {@code bytes} (released here), fed whole or one byte at a time. */
  static List<Object> decode(ByteBuf bytes, boolean byteByByte) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(0));
    try {
      if (byteByByte) {
        while (bytes.isReadable()) {
          channel.writeInbound(bytes.readRetainedSlice(1));
        }
      } else {
        channel.writeInbound(bytes.retain());
      }
      List<Object> frames = new ArrayList<>();
      for (Object frame; (frame = channel.readInbound()) != null; ) {
        frames.add(frame);
      }
      if (channel.finish()) {
        throw new AssertionError("decoder left messages behind");
      }
      return frames;
    } finally {
      bytes.release();
    }
  }

  static void releaseAll(List<Object> frames) {
    frames.forEach(ReferenceCountUtil::release);
  }
}
