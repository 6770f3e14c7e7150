package io.warrenmq.broker.store;

import java.util.Arrays;

/**
 * One durable queue's messages as recovery found them, in publish order: only where each lives and
 * how large its record is (an index, no bodies), so a restart does not read a deep queue into the
 * heap. The queue reads the bodies back through {@link MessageStore#read} as consumers catch up.
 *
 * <p>With each message come the few facts a queue orders and expires by before it reads the body:
 * when it was enqueued, its priority and its {@code expiration} property. Priorities and
 * expirations get an array only once a message has one, so a plain backlog pays 8 bytes a message
 * (the enqueue time) on top of the ref and size.
 *
 * <p>Built on the starting thread and handed to the queue once; not shared after that.
 */
public final class RecoveredMessages {
  /** {@link #enqueuedAt} of a message stored before enqueue times were recorded. */
  public static final long UNKNOWN = -1;

  private StoreRef[] refs = new StoreRef[16];
  private int[] sizes = new int[16];
  private long[] enqueuedAt = new long[16];
  private byte[] priorities;
  private String[] expirations;
  private int count;

  /** Adds the record at {@code ref}, {@code size} bytes on disk, with no time or properties. */
  public void add(StoreRef ref, int size) {
    add(ref, size, UNKNOWN, 0, null);
  }

  /**
   * Adds the record at {@code ref}, {@code size} bytes on disk, enqueued at {@code enqueuedAt}
   * (epoch ms, or {@link #UNKNOWN}), with {@code priority} (0-255) and {@code expiration} (the
   * property as published, or null).
   */
  public void add(StoreRef ref, int size, long enqueuedAt, int priority, String expiration) {
    if (count == refs.length) {
      refs = Arrays.copyOf(refs, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
      this.enqueuedAt = Arrays.copyOf(this.enqueuedAt, count * 2);
      priorities = priorities == null ? null : Arrays.copyOf(priorities, count * 2);
      expirations = expirations == null ? null : Arrays.copyOf(expirations, count * 2);
    }
    if (priority != 0 && priorities == null) {
      priorities = new byte[refs.length];
    }
    if (expiration != null && expirations == null) {
      expirations = new String[refs.length];
    }
    refs[count] = ref;
    sizes[count] = size;
    this.enqueuedAt[count] = enqueuedAt;
    if (priorities != null) {
      priorities[count] = (byte) priority;
    }
    if (expirations != null) {
      expirations[count] = expiration;
    }
    count++;
  }

  public int size() {
    return count;
  }

  public StoreRef ref(int index) {
    return refs[index];
  }

  /** The record's size on disk when recovered: an estimate of the message's memory once read. */
  public int recordSize(int index) {
    return sizes[index];
  }

  /** When the message was enqueued (epoch ms), or {@link #UNKNOWN} (an older store format). */
  public long enqueuedAt(int index) {
    return enqueuedAt[index];
  }

  /** The message's priority property, 0 to 255 (0 when it has none). */
  public int priority(int index) {
    return priorities == null ? 0 : priorities[index] & 0xFF;
  }

  /** The message's expiration property, or null. */
  public String expiration(int index) {
    return expirations == null ? null : expirations[index];
  }
}
