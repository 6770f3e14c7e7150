package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import java.time.Instant;

/**
 * Reads and writes the AMQP primitive types. Every read checks the bytes left before it touches or
 * allocates anything, so truncated input becomes a 501 FRAME_ERROR, never an
 * IndexOutOfBoundsException or an allocation sized by an attacker.
 */
public final class Wire {
  /** The longest short string in bytes. */
  public static final int SHORT_STRING_MAX = 255;

  private Wire() {}

  static void require(ByteBuf in, long needed, String what) {
    if (in.readableBytes() < needed) {
      throw AmqpException.frameError(
          "cannot decode "
              + what
              + ": needs "
              + needed
              + " bytes, "
              + in.readableBytes()
              + " left");
    }
  }

  /** Reads an unsigned 8-bit integer. */
  public static int readOctet(ByteBuf in) {
    require(in, 1, "octet");
    return in.readUnsignedByte();
  }

  /** Reads an unsigned 16-bit integer. */
  public static int readShort(ByteBuf in) {
    require(in, 2, "short");
    return in.readUnsignedShort();
  }

  /** Reads an unsigned 32-bit integer. */
  public static long readLong(ByteBuf in) {
    require(in, 4, "long");
    return in.readUnsignedInt();
  }

  /** Reads a 64-bit integer. */
  public static long readLongLong(ByteBuf in) {
    require(in, 8, "longlong");
    return in.readLong();
  }

  /** Reads a timestamp: seconds since the epoch, 64 bits. */
  public static Instant readTimestamp(ByteBuf in) {
    long seconds = readLongLong(in);
    // Instant spans about +-1e9 years; a 64-bit count of seconds beyond that is no real time.
    if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
      throw AmqpException.syntaxError("timestamp " + seconds + " is out of range");
    }
    return Instant.ofEpochSecond(seconds);
  }

  /** Reads a short string (one length octet, then UTF-8). */
  public static String readShortString(ByteBuf in) {
    int length = readOctet(in);
    require(in, length, "short string");
    String value = ShortStrings.decode(in, length);
    in.skipBytes(length);
    return value;
  }

  /** Reads a long string (a 32-bit length, then bytes). */
  public static LongString readLongString(ByteBuf in) {
    int length = readLength(in, "long string");
    byte[] bytes = new byte[length];
    in.readBytes(bytes);
    return LongString.wrap(bytes);
  }

  /** Skips {@code n} bytes that must be there. */
  public static void skip(ByteBuf in, int n, String what) {
    require(in, n, what);
    in.skipBytes(n);
  }

  /** Skips a short string. */
  public static void skipShortString(ByteBuf in) {
    skip(in, readOctet(in), "short string");
  }

  /** Skips a long string. */
  public static void skipLongString(ByteBuf in) {
    in.skipBytes(readLength(in, "long string"));
  }

  /** Reads a 32-bit length and checks that many bytes follow. */
  static int readLength(ByteBuf in, String what) {
    long length = readLong(in);
    require(in, length, what);
    return (int) length;
  }

  /** Checks that {@code value} fits an octet. */
  public static void checkOctet(int value, String name) {
    if ((value & ~0xFF) != 0) {
      throw new IllegalArgumentException(name + " must be 0 to 255: " + value);
    }
  }

  /** Checks that {@code value} fits an unsigned short. */
  public static void checkShort(int value, String name) {
    if ((value & ~0xFFFF) != 0) {
      throw new IllegalArgumentException(name + " must be 0 to 65535: " + value);
    }
  }

  /** Checks that {@code value} fits an unsigned long (32 bits). */
  public static void checkLong(long value, String name) {
    if ((value & ~0xFFFFFFFFL) != 0) {
      throw new IllegalArgumentException(name + " must be 0 to 4294967295: " + value);
    }
  }

  /** Writes an unsigned 8-bit integer. */
  public static void writeOctet(ByteBuf out, int value) {
    out.writeByte(value);
  }

  /** Writes an unsigned 16-bit integer. */
  public static void writeShort(ByteBuf out, int value) {
    out.writeShort(value);
  }

  /** Writes an unsigned 32-bit integer. */
  public static void writeLong(ByteBuf out, long value) {
    out.writeInt((int) value);
  }

  /** Writes a 64-bit integer. */
  public static void writeLongLong(ByteBuf out, long value) {
    out.writeLong(value);
  }

  /** Writes a timestamp, dropping sub-second precision. */
  public static void writeTimestamp(ByteBuf out, Instant value) {
    out.writeLong(value.getEpochSecond());
  }

  /**
   * The encoded size of a short string, length octet included.
   *
   * @throws AmqpException 502 SYNTAX_ERROR when its UTF-8 form is over 255 bytes
   */
  public static int shortStringSize(String value) {
    int length = ByteBufUtil.utf8Bytes(value);
    if (length > SHORT_STRING_MAX) {
      throw AmqpException.syntaxError(
          "short string of " + length + " bytes is longer than " + SHORT_STRING_MAX);
    }
    return 1 + length;
  }

  /**
   * Writes a short string.
   *
   * @throws AmqpException 502 SYNTAX_ERROR when its UTF-8 form is over 255 bytes
   */
  public static void writeShortString(ByteBuf out, String value) {
    int lengthIndex = out.writerIndex();
    out.writeByte(0);
    int length = ByteBufUtil.writeUtf8(out, value);
    if (length > SHORT_STRING_MAX) {
      out.writerIndex(lengthIndex);
      throw AmqpException.syntaxError(
          "short string of " + length + " bytes is longer than " + SHORT_STRING_MAX);
    }
    out.setByte(lengthIndex, length);
  }

  /** The encoded size of a long string, length prefix included. */
  public static int longStringSize(LongString value) {
    return 4 + value.length();
  }

  /** Writes a long string. */
  public static void writeLongString(ByteBuf out, LongString value) {
    out.writeInt(value.length());
    value.writeTo(out);
  }
}
