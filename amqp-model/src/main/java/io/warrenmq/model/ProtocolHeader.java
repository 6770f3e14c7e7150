package io.warrenmq.model;

import io.netty.buffer.ByteBuf;

/** The eight bytes a client sends first: {@code AMQP 0 0 9 1}. */
public final class ProtocolHeader {
  /** The header's length in bytes. */
  public static final int LENGTH = 8;

  private static final byte[] BYTES = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};

  private ProtocolHeader() {}

  /** A copy of the header bytes. */
  public static byte[] bytes() {
    return BYTES.clone();
  }

  /** Writes the header. */
  public static void writeTo(ByteBuf out) {
    out.writeBytes(BYTES);
  }

  /**
   * True when the {@link #LENGTH} bytes at {@code index} are exactly the 0-9-1 header.
   *
   * @throws IndexOutOfBoundsException when fewer than {@link #LENGTH} bytes are readable there
   */
  public static boolean matches(ByteBuf in, int index) {
    for (int i = 0; i < LENGTH; i++) {
      if (in.getByte(index + i) != BYTES[i]) {
        return false;
      }
    }
    return true;
  }
}
