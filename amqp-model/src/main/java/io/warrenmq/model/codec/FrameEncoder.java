package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.warrenmq.model.Command;
import io.warrenmq.model.ContentBodyFrame;
import io.warrenmq.model.ContentHeaderFrame;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.BasicProperties;
import java.util.List;

/**
 * Encodes {@link Frame}s and whole {@link Command}s. A command's body is cut into body frames of at
 * most the negotiated frame_max; small bodies are copied next to their method and header so that a
 * typical message is one buffer, larger ones go out as slices of the body without a copy.
 *
 * <p>It releases what it is given (a body frame's content, a command's body) once written. Confined
 * to the socket's event loop; {@link #setMaxFrameSize} must be called there too.
 */
public final class FrameEncoder extends MessageToMessageEncoder<Object> {
  /** Bodies up to this size are copied into the frame buffer: cheaper than a composite write. */
  static final int COPY_THRESHOLD = 4096;

  private int maxFrameSize;

  /** An encoder that cuts bodies for the smallest frame_max any peer may choose. */
  public FrameEncoder() {
    this(AmqpConstants.FRAME_MIN_SIZE);
  }

  /**
   * An encoder for a frame_max already known.
   *
   * @param maxFrameSize the negotiated frame_max, overhead included; 0 for no limit
   */
  public FrameEncoder(long maxFrameSize) {
    setMaxFrameSize(maxFrameSize);
  }

  /** Changes the frame_max bodies are cut for; 0 for no limit. */
  public void setMaxFrameSize(long maxFrameSize) {
    if (maxFrameSize != 0 && maxFrameSize <= FrameDecoder.OVERHEAD) {
      throw new IllegalArgumentException("frame_max too small: " + maxFrameSize);
    }
    this.maxFrameSize =
        (int) Math.min(maxFrameSize == 0 ? Integer.MAX_VALUE : maxFrameSize, Integer.MAX_VALUE);
  }

  /** The frame_max bodies are cut for now, overhead included. */
  public int maxFrameSize() {
    return maxFrameSize;
  }

  @Override
  public boolean acceptOutboundMessage(Object msg) {
    return msg instanceof Frame || msg instanceof Command;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
    encode(ctx.alloc(), msg, out);
  }

  /**
   * Encodes {@code msg} into buffers added to {@code out}; the caller writes them in order and
   * still owns {@code msg} (the pipeline releases it after this returns).
   */
  public void encode(ByteBufAllocator alloc, Object msg, List<Object> out) {
    if (msg instanceof Command command) {
      encodeCommand(alloc, command, out);
    } else if (msg instanceof MethodFrame frame) {
      int argumentsSize = frame.method().argumentsSize();
      ByteBuf buf = alloc.buffer(FrameDecoder.OVERHEAD + 4 + argumentsSize);
      FrameWriter.writeMethodFrame(buf, frame.channel(), frame.method(), argumentsSize);
      out.add(buf);
    } else if (msg instanceof ContentHeaderFrame frame) {
      int propertiesSize = frame.properties().encodedSize();
      ByteBuf buf = alloc.buffer(FrameDecoder.OVERHEAD + 12 + propertiesSize);
      FrameWriter.writeHeaderFrame(
          buf,
          frame.channel(),
          frame.classId(),
          frame.bodySize(),
          frame.properties(),
          propertiesSize);
      out.add(buf);
    } else if (msg instanceof ContentBodyFrame frame) {
      ByteBuf content = frame.content();
      ByteBuf header = alloc.buffer(FrameDecoder.HEADER_SIZE);
      FrameWriter.writeFrameHeader(
          header, AmqpConstants.FRAME_BODY, frame.channel(), content.readableBytes());
      out.add(header);
      out.add(content.retain());
      out.add(alloc.buffer(1).writeByte(AmqpConstants.FRAME_END));
    } else if (msg instanceof HeartbeatFrame) {
      ByteBuf buf = alloc.buffer(FrameDecoder.OVERHEAD);
      FrameWriter.writeHeartbeat(buf);
      out.add(buf);
    } else {
      throw new IllegalArgumentException("not a frame or command: " + msg);
    }
  }

  private void encodeCommand(ByteBufAllocator alloc, Command command, List<Object> out) {
    int channel = command.channel();
    int argumentsSize = command.method().argumentsSize();
    int methodSize = FrameDecoder.OVERHEAD + 4 + argumentsSize;
    if (!command.hasContent()) {
      ByteBuf buf = alloc.buffer(methodSize);
      FrameWriter.writeMethodFrame(buf, channel, command.method(), argumentsSize);
      out.add(buf);
      return;
    }
    BasicProperties properties = command.properties();
    int propertiesSize = properties.encodedSize();
    int headerSize = FrameDecoder.OVERHEAD + 12 + propertiesSize;
    ByteBuf body = command.body();
    int bodyLength = body.readableBytes();
    int maxPayload = maxFrameSize - FrameDecoder.OVERHEAD;
    int firstChunk = Math.min(bodyLength, maxPayload);
    boolean copy = bodyLength <= COPY_THRESHOLD && bodyLength <= maxPayload;
    int size =
        methodSize
            + headerSize
            + (bodyLength == 0 ? 0 : FrameDecoder.HEADER_SIZE)
            + (copy && bodyLength > 0 ? bodyLength + 1 : 0);
    ByteBuf buf = alloc.buffer(size);
    FrameWriter.writeMethodFrame(buf, channel, command.method(), argumentsSize);
    FrameWriter.writeHeaderFrame(
        buf, channel, command.method().classIndex(), bodyLength, properties, propertiesSize);
    if (bodyLength == 0) {
      out.add(buf);
      return;
    }
    FrameWriter.writeFrameHeader(buf, AmqpConstants.FRAME_BODY, channel, firstChunk);
    if (copy) {
      buf.writeBytes(body, body.readerIndex(), bodyLength);
      buf.writeByte(AmqpConstants.FRAME_END);
      out.add(buf);
      return;
    }
    out.add(buf);
    int offset = 0;
    int chunk = firstChunk;
    while (true) {
      out.add(body.retainedSlice(body.readerIndex() + offset, chunk));
      offset += chunk;
      if (offset == bodyLength) {
        out.add(alloc.buffer(1).writeByte(AmqpConstants.FRAME_END));
        return;
      }
      chunk = Math.min(bodyLength - offset, maxPayload);
      ByteBuf between = alloc.buffer(1 + FrameDecoder.HEADER_SIZE);
      between.writeByte(AmqpConstants.FRAME_END);
      FrameWriter.writeFrameHeader(between, AmqpConstants.FRAME_BODY, channel, chunk);
      out.add(between);
    }
  }
}
