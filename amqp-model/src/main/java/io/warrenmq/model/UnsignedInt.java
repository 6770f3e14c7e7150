package io.warrenmq.model;

/**
 * A field-table value of type 'i', an unsigned 32-bit integer. Java has no unsigned types, so this
 * wrapper keeps the tag through a decode and re-encode; signed values use the boxed Java types.
 *
 * @param value the value, 0 to 4294967295L
 */
public record UnsignedInt(long value) {
  /** Checks the range. */
  public UnsignedInt {
    if (value < 0 || value > 4294967295L) {
      throw new IllegalArgumentException("UnsignedInt out of range: " + value);
    }
  }
}
