package io.warrenmq.broker.store;

import java.util.Arrays;

/**
 * One durable queue's messages as recovery found them, in publish order: only where each lives and
 * how large its record is (an index, no bodies), so a restart does not read a deep queue into the
 * heap. The queue reads the bodies back through {@link MessageStore#read} as consumers catch up.
 *
 * <p>Built on the starting thread and handed to the queue once; not shared after that.
 */
public final class RecoveredMessages {
  private StoreRef[] refs = new StoreRef[16];
  private int[] sizes = new int[16];
  private int count;

  /** Adds the record at {@code ref}, {@code size} bytes on disk. */
  public void add(StoreRef ref, int size) {
    if (count == refs.length) {
      refs = Arrays.copyOf(refs, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    refs[count] = ref;
    sizes[count++] = size;
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
}
