package io.warrenmq.model;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An AMQP long string: up to 2^32-1 arbitrary bytes, which need not be UTF-8 (SASL responses, for
 * one, are binary). Immutable; equal when the bytes are equal.
 */
public final class LongString {
  /** The empty long string. */
  public static final LongString EMPTY = new LongString(new byte[0]);

  private final byte[] bytes;

  private LongString(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A long string holding a copy of {@code bytes}. */
  public static LongString of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new LongString(bytes.clone());
  }

  /** A long string holding the UTF-8 encoding of {@code text}. */
  public static LongString of(String text) {
    return text.isEmpty() ? EMPTY : new LongString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Takes ownership of {@code bytes} without copying: the caller must not modify them afterwards.
   */
  public static LongString wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new LongString(bytes);
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Writes the bytes, without the length prefix. */
  public void writeTo(ByteBuf out) {
    out.writeBytes(bytes);
  }

  /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LongString that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
