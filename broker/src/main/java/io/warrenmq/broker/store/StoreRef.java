package io.warrenmq.broker.store;

/**
 * Where a persistent message lives in the message store: its segment and its record's offset (a
 * positional id, as lavinmq's segment position). A message routed to several durable queues has one
 * ref, shared by all of them.
 *
 * <p>Confinement: written and read only by the store thread (set when the record is appended or
 * recovered; acks carry the ref to the store thread, which reads it there), so plain fields.
 */
public final class StoreRef {
  private int segment;
  private int offset;

  public StoreRef() {}

  /** A ref to a recovered record. */
  public StoreRef(int segment, int offset) {
    this.segment = segment;
    this.offset = offset;
  }

  /** The segment number; 0 until the store thread wrote the record. */
  public int segment() {
    return segment;
  }

  public int offset() {
    return offset;
  }

  /** Store thread only. */
  public void locate(int newSegment, int newOffset) {
    this.segment = newSegment;
    this.offset = newOffset;
  }
}
