package io.warrenmq.model;

/**
 * A field-table value of type 'B', an unsigned 8-bit integer. Java has no unsigned types, so this
 * wrapper keeps the tag through a decode and re-encode; signed values use the boxed Java types.
 *
 * @param value the value, 0 to 255
 */
public record UnsignedByte(int value) {
  /** Checks the range. */
  public UnsignedByte {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("UnsignedByte out of range: " + value);
    }
  }
}
