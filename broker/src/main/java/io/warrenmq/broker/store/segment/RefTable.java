package io.warrenmq.broker.store.segment;

import io.warrenmq.broker.store.StoreRef;
import java.util.Arrays;

/**
 * The held records of one segment by offset: an open-addressing table of primitive offsets (linear
 * probing, deletion by backward shift). A deep queue holds one entry per message here, so this
 * costs about 8 to 16 bytes per record where a {@code HashMap<Integer, StoreRef>} costs about 50.
 * Offsets are never 0 (the file header is there), so 0 marks a free slot.
 *
 * <p>Confinement: the store thread.
 */
final class RefTable {
  private int[] keys = new int[16];
  private StoreRef[] values = new StoreRef[16];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  StoreRef get(int offset) {
    int slot = find(offset);
    return slot < 0 ? null : values[slot];
  }

  void put(int offset, StoreRef ref) {
    if (offset == 0) {
      throw new IllegalArgumentException("offset 0 is the file header");
    }
    if ((size + 1) * 4 > keys.length * 3) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    int slot = home(offset, mask);
    while (keys[slot] != 0) {
      if (keys[slot] == offset) {
        values[slot] = ref;
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = offset;
    values[slot] = ref;
    size++;
  }

  /** Removes and returns the ref at {@code offset}, or null. */
  StoreRef remove(int offset) {
    int slot = find(offset);
    if (slot < 0) {
      return null;
    }
    StoreRef removed = values[slot];
    size--;
    int mask = keys.length - 1;
    int hole = slot;
    for (int i = (hole + 1) & mask; keys[i] != 0; i = (i + 1) & mask) {
      int home = home(keys[i], mask);
      // The entry at i may fill the hole if its probe path from home passes through the hole.
      boolean movable = i > hole ? (home <= hole || home > i) : (home <= hole && home > i);
      if (movable) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
    }
    keys[hole] = 0;
    values[hole] = null;
    return removed;
  }

  /** The offsets held, ascending. */
  int[] sortedOffsets() {
    int[] offsets = new int[size];
    int n = 0;
    for (int key : keys) {
      if (key != 0) {
        offsets[n++] = key;
      }
    }
    Arrays.sort(offsets);
    return offsets;
  }

  private int find(int offset) {
    if (offset == 0) {
      return -1;
    }
    int mask = keys.length - 1;
    for (int slot = home(offset, mask); keys[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[slot] == offset) {
        return slot;
      }
    }
    return -1;
  }

  private static int home(int offset, int mask) {
    int h = offset * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  private void resize(int capacity) {
    int[] oldKeys = keys;
    StoreRef[] oldValues = values;
    keys = new int[capacity];
    values = new StoreRef[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
