package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.BasicProperties;

/**
 * Writes whole frames into a buffer the caller sized with the matching {@code ...Size} method, so
 * that a command is encoded into one allocation of exactly the right size.
 */
public final class FrameWriter {
  /** The size of a content header frame's fixed part: class, weight and body size. */
  private static final int HEADER_FIXED = 12;

  private FrameWriter() {}

  /** The size of a method frame, overhead included. */
  public static int methodFrameSize(Method method) {
    return FrameDecoder.OVERHEAD + 4 + method.argumentsSize();
  }

  /** Writes a method frame whose arguments take {@code argumentsSize} bytes. */
  public static void writeMethodFrame(ByteBuf out, int channel, Method method, int argumentsSize) {
    writeFrameHeader(out, AmqpConstants.FRAME_METHOD, channel, 4 + argumentsSize);
    out.writeShort(method.classIndex());
    out.writeShort(method.methodIndex());
    method.writeArguments(out);
    out.writeByte(AmqpConstants.FRAME_END);
  }

  /** Writes a method frame. */
  public static void writeMethodFrame(ByteBuf out, int channel, Method method) {
    writeMethodFrame(out, channel, method, method.argumentsSize());
  }

  /** The size of a content header frame, overhead included. */
  public static int headerFrameSize(BasicProperties properties) {
    return FrameDecoder.OVERHEAD + HEADER_FIXED + properties.encodedSize();
  }

  /** Writes a content header frame whose properties take {@code propertiesSize} bytes. */
  public static void writeHeaderFrame(
      ByteBuf out,
      int channel,
      int classId,
      long bodySize,
      BasicProperties properties,
      int propertiesSize) {
    writeFrameHeader(out, AmqpConstants.FRAME_HEADER, channel, HEADER_FIXED + propertiesSize);
    out.writeShort(classId);
    out.writeShort(0);
    out.writeLong(bodySize);
    properties.writeTo(out);
    out.writeByte(AmqpConstants.FRAME_END);
  }

  /** Writes the 7 bytes that open a frame: type, channel, payload size. */
  public static void writeFrameHeader(ByteBuf out, int type, int channel, int payloadSize) {
    out.writeByte(type);
    out.writeShort(channel);
    out.writeInt(payloadSize);
  }

  /** Writes a heartbeat frame (8 bytes). */
  public static void writeHeartbeat(ByteBuf out) {
    writeFrameHeader(out, AmqpConstants.FRAME_HEARTBEAT, 0, 0);
    out.writeByte(AmqpConstants.FRAME_END);
  }
}
