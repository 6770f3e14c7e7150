package io.warrenmq.broker.store;

/**
 * Where a persistent message lives in the message store: its segment and its record's offset (a
 * positional id, as lavinmq's segment position). A message routed to several durable queues has one
 * ref, shared by all of them, and every queue holds the same object: so when compaction moves the
 * record to another segment it relocates the ref once and every queue's entry follows (the ref is
 * the indirection; queues never hold raw positions).
 *
 * <p>Confinement: written and read only by the store thread (set when the record is appended,
 * recovered or moved; acks carry the ref to the store thread, which reads it there), so plain
 * fields.
 */
public final class StoreRef {
  private int segment;
  private int offset;
  private int size;
  private int holders;

  public StoreRef() {}

  /** A ref to a recovered record. */
  public StoreRef(int segment, int offset) {
    this.segment = segment;
    this.offset = offset;
  }

  /** A ref to a recovered record of {@code size} bytes still held by {@code holders} queues. */
  public StoreRef(int segment, int offset, int size, int holders) {
    this(segment, offset);
    this.size = size;
    this.holders = holders;
  }

  /** The segment number; 0 until the store thread wrote the record (or after a failed write). */
  public int segment() {
    return segment;
  }

  public int offset() {
    return offset;
  }

  /** The record's size on disk, header included. */
  public int size() {
    return size;
  }

  /** How many queues still hold the message (store thread). */
  public int holders() {
    return holders;
  }

  /** Store thread only. */
  public void locate(int newSegment, int newOffset) {
    this.segment = newSegment;
    this.offset = newOffset;
  }

  /** Store thread only: the record was written as {@code recordSize} bytes for {@code queues}. */
  public void written(int recordSize, int queues) {
    this.size = recordSize;
    this.holders = queues;
  }

  /** Store thread only: one queue settled it; returns how many still hold it. */
  public int release() {
    return --holders;
  }
}
