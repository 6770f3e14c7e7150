package io.warrenmq.model;

/**
 * A field-table value of type 'u', an unsigned 16-bit integer. Java has no unsigned types, so this
 * wrapper keeps the tag through a decode and re-encode; signed values use the boxed Java types.
 *
 * @param value the value, 0 to 65535
 */
public record UnsignedShort(int value) {
  /** Checks the range. */
  public UnsignedShort {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException("UnsignedShort out of range: " + value);
    }
  }
}
