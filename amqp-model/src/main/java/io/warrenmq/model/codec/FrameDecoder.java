package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.ContentBodyFrame;
import io.warrenmq.model.ContentHeaderFrame;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.MethodCodec;
import java.util.List;

/**
 * Cuts the inbound byte stream into {@link io.warrenmq.model.Frame}s. The protocol header must have
 * been consumed before this decoder sees the stream.
 *
 * <p>Method arguments and content headers are decoded into Java values and nothing of the inbound
 * buffer is kept; a body frame is a retained slice of the inbound buffer, so bodies are never
 * copied here and whoever reads a {@link ContentBodyFrame} must release it.
 *
 * <p>Malformed input raises an {@link AmqpException} (wrapped by Netty in a {@code
 * DecoderException}) carrying the reply code to close the connection with: 501 FRAME_ERROR for bad
 * framing, oversized frames and truncated arguments, 502 SYNTAX_ERROR for illegal values, 540
 * NOT_IMPLEMENTED for unknown methods. After the first error the decoder is poisoned: it discards
 * everything that follows, because nothing after a framing error can be trusted.
 *
 * <p>Confined to the socket's event loop, like every {@link ByteToMessageDecoder}.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
  /** Type, channel and size. */
  public static final int HEADER_SIZE = 7;

  /** Header plus the frame-end octet: what frame_max counts beyond the payload. */
  public static final int OVERHEAD = HEADER_SIZE + 1;

  private long maxFrameSize;
  private boolean poisoned;

  /**
   * Creates a decoder.
   *
   * @param maxFrameSize the largest frame accepted, overhead included; 0 for no limit
   */
  public FrameDecoder(long maxFrameSize) {
    setMaxFrameSize(maxFrameSize);
  }

  /** Changes the limit, e.g. once connection.tune-ok has settled frame_max; 0 for no limit. */
  public void setMaxFrameSize(long maxFrameSize) {
    // frame_max is unsigned 32-bit, but no frame of ours can exceed an int's worth of bytes.
    this.maxFrameSize =
        maxFrameSize == 0 || maxFrameSize > Integer.MAX_VALUE ? Integer.MAX_VALUE : maxFrameSize;
  }

  /** The largest frame accepted now, overhead included. */
  public long maxFrameSize() {
    return maxFrameSize;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (poisoned) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      Frame frame = decodeFrame(in);
      if (frame != null) {
        out.add(frame);
      }
    } catch (RuntimeException e) {
      // Nothing after a bad frame can be trusted, whatever the error was.
      poisoned = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  /**
   * Decodes one frame without a pipeline: null, consuming nothing, when no whole frame is readable
   * yet. A body frame's content is a retained slice of {@code in} that the caller releases with the
   * frame. Malformed input throws {@link AmqpException}; unlike the pipeline path this does not
   * poison the decoder, so the caller decides what happens to the rest of the stream.
   */
  public Frame decodeFrame(ByteBuf in) {
    if (in.readableBytes() < HEADER_SIZE) {
      return null;
    }
    int start = in.readerIndex();
    int type = in.getUnsignedByte(start);
    int channel = in.getUnsignedShort(start + 1);
    long payloadSize = in.getUnsignedInt(start + 3);
    if (type != AmqpConstants.FRAME_METHOD
        && type != AmqpConstants.FRAME_HEADER
        && type != AmqpConstants.FRAME_BODY
        && type != AmqpConstants.FRAME_HEARTBEAT) {
      throw AmqpException.frameError("unknown frame type " + type);
    }
    if (payloadSize + OVERHEAD > maxFrameSize) {
      throw AmqpException.frameError(
          "frame of "
              + (payloadSize + OVERHEAD)
              + " bytes is larger than frame_max "
              + maxFrameSize);
    }
    int size = (int) payloadSize;
    if (in.readableBytes() < size + OVERHEAD) {
      return null;
    }
    int end = in.getUnsignedByte(start + HEADER_SIZE + size);
    if (end != AmqpConstants.FRAME_END) {
      throw AmqpException.frameError("invalid frame end marker " + end);
    }
    int payloadStart = start + HEADER_SIZE;
    in.skipBytes(size + OVERHEAD);
    return switch (type) {
      case AmqpConstants.FRAME_METHOD -> decodeMethod(channel, in.slice(payloadStart, size));
      case AmqpConstants.FRAME_HEADER -> decodeHeader(channel, in.slice(payloadStart, size));
      case AmqpConstants.FRAME_BODY ->
          new ContentBodyFrame(channel, in.retainedSlice(payloadStart, size));
      default -> decodeHeartbeat(channel, size);
    };
  }

  private static MethodFrame decodeMethod(int channel, ByteBuf payload) {
    int classIndex = Wire.readShort(payload);
    int methodIndex = Wire.readShort(payload);
    return new MethodFrame(channel, MethodCodec.read(classIndex, methodIndex, payload));
  }

  private static ContentHeaderFrame decodeHeader(int channel, ByteBuf payload) {
    int classId = Wire.readShort(payload);
    int weight = Wire.readShort(payload);
    long bodySize = Wire.readLongLong(payload);
    if (classId != Basic.CLASS_INDEX) {
      throw AmqpException.frameError("content header for class " + classId);
    }
    if (weight != 0) {
      throw AmqpException.frameError("content header weight " + weight + " is not 0");
    }
    if (bodySize < 0) {
      throw AmqpException.frameError("content body size " + Long.toUnsignedString(bodySize));
    }
    return new ContentHeaderFrame(channel, classId, bodySize, BasicProperties.read(payload));
  }

  private static HeartbeatFrame decodeHeartbeat(int channel, int payloadSize) {
    if (channel != 0) {
      throw AmqpException.frameError("heartbeat frame on channel " + channel);
    }
    if (payloadSize != 0) {
      throw AmqpException.frameError("heartbeat frame with a payload of " + payloadSize + " bytes");
    }
    return HeartbeatFrame.INSTANCE;
  }
}
