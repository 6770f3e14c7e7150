package io.warrenmq.broker.store.segment;

import io.warrenmq.broker.store.StoreRef;

/**
 * The store thread's view of one segment: unsettled queue references, the bytes of records still
 * held, the file size, and the refs of those records by offset (so compaction can relocate them).
 *
 * <p>Confinement: the store thread.
 */
final class Segment {
  final int id;
  final RefTable refs = new RefTable();
  int live;
  long liveBytes;
  long size;

  /** When it stopped being the active segment (0: before this start). */
  long inactiveSince;

  Segment(int id) {
    this.id = id;
  }

  void add(StoreRef ref) {
    refs.put(ref.offset(), ref);
    live += ref.holders();
    liveBytes += ref.size();
  }

  /** Takes a still-held record out (moved or invalidated): all its holders go with it. */
  void remove(StoreRef ref) {
    if (refs.remove(ref.offset()) == ref) {
      live -= ref.holders();
      liveBytes -= ref.size();
    }
  }
}
