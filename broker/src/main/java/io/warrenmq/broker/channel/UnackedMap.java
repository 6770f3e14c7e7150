package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
import io.warrenmq.model.AmqpException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel's deliveries awaiting ack, by delivery tag in delivery order. Confined to the channel's
 * event loop.
 *
 * <p>A channel hands out tags in increasing order and tracks them in that order, so the deliveries
 * sit in a ring of parallel arrays (tags, deliveries) sorted by tag: no map entry and no boxed tag
 * per delivery. Tags are not always consecutive (an auto-ack consumer on the same channel uses tags
 * that are never tracked), so a tag is found at its offset from the oldest when nothing lies
 * between, else by binary search. Settling a delivery in the middle leaves a hole, dropped once it
 * reaches the oldest end; when holes outnumber the deliveries the ring is compacted, so a never-
 * acked oldest delivery cannot make it grow without bound.
 */
final class UnackedMap {
  private static final int INITIAL_CAPACITY = 16;

  private long[] tags = new long[INITIAL_CAPACITY];
  private Unacked[] deliveries = new Unacked[INITIAL_CAPACITY];
  private int head; // slot of the oldest, a live delivery whenever size > 0
  private int span; // slots in use from head: live deliveries and holes
  private int size; // live deliveries

  /** Tracks {@code unacked} under {@code tag}, which must be above every tag tracked before. */
  void put(long tag, Unacked unacked) {
    if (span > 0 && tag <= tags[slot(span - 1)]) {
      throw new IllegalArgumentException("delivery tag " + tag + " is not the newest");
    }
    if (span == tags.length) {
      makeRoom();
    }
    int slot = slot(span);
    tags[slot] = tag;
    deliveries[slot] = unacked;
    span++;
    size++;
  }

  int size() {
    return size;
  }

  /**
   * Removes the deliveries an ack, nack or reject names: one tag, or with {@code multiple} every
   * tag up to it (0 meaning all). 406 PRECONDITION_FAILED for an unknown tag (spec 1.8.3.13).
   */
  List<Unacked> take(long tag, boolean multiple) {
    if (multiple && tag == 0) {
      return takeAll();
    }
    int index = indexOf(tag);
    if (index < 0) {
      throw AmqpException.preconditionFailed("unknown delivery tag " + tag);
    }
    if (!multiple) {
      int slot = slot(index);
      Unacked taken = deliveries[slot];
      deliveries[slot] = null;
      size--;
      dropHoles();
      return List.of(taken);
    }
    List<Unacked> taken = new ArrayList<>(Math.min(index + 1, size));
    for (int i = 0; i <= index; i++) {
      int slot = slot(i);
      if (deliveries[slot] != null) {
        taken.add(deliveries[slot]);
        deliveries[slot] = null;
        size--;
      }
    }
    dropHoles();
    return taken;
  }

  /** Removes and returns every delivery, in delivery order. */
  List<Unacked> takeAll() {
    List<Unacked> all = peekAll();
    clearSlots(0, span);
    head = 0;
    span = 0;
    size = 0;
    return all;
  }

  /** Groups deliveries by queue, keeping their order, for a requeue per queue. */
  static Map<MessageQueue, List<QueueEntry>> byQueue(List<Unacked> deliveries) {
    Map<MessageQueue, List<QueueEntry>> grouped = new LinkedHashMap<>();
    for (Unacked unacked : deliveries) {
      grouped.computeIfAbsent(unacked.queue(), q -> new ArrayList<>()).add(unacked.entry());
    }
    return grouped;
  }

  /** The oldest delivery still awaiting its ack, or null. */
  Unacked oldest() {
    return size == 0 ? null : deliveries[head];
  }

  /** Every delivery, in delivery order, left in place. */
  List<Unacked> peekAll() {
    List<Unacked> all = new ArrayList<>(size);
    for (int i = 0; i < span; i++) {
      Unacked unacked = deliveries[slot(i)];
      if (unacked != null) {
        all.add(unacked);
      }
    }
    return all;
  }

  /** The offset from the oldest of the live delivery under {@code tag}, or -1. */
  private int indexOf(long tag) {
    if (size == 0) {
      return -1;
    }
    long offset = tag - tags[head];
    if (offset < 0) {
      return -1;
    }
    if (offset < span && tags[slot((int) offset)] == tag) {
      return isLive((int) offset) ? (int) offset : -1; // no gaps before it: the common case
    }
    int low = 0;
    int high = (int) Math.min(span - 1, offset);
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long found = tags[slot(mid)];
      if (found < tag) {
        low = mid + 1;
      } else if (found > tag) {
        high = mid - 1;
      } else {
        return isLive(mid) ? mid : -1;
      }
    }
    return -1;
  }

  private boolean isLive(int index) {
    return deliveries[slot(index)] != null;
  }

  private int slot(int index) {
    return (head + index) & (tags.length - 1);
  }

  /** Advances past settled slots at the oldest end; compacts when holes outnumber deliveries. */
  private void dropHoles() {
    while (span > 0 && deliveries[head] == null) {
      head = (head + 1) & (tags.length - 1);
      span--;
    }
    if (span == 0) {
      head = 0;
    } else if (span - size > size && span >= INITIAL_CAPACITY) {
      compact();
    }
  }

  /** The ring is full: compacts it when half of it are holes, else doubles it. */
  private void makeRoom() {
    if (span - size >= tags.length / 2) {
      compact();
      return;
    }
    long[] newTags = new long[tags.length * 2];
    Unacked[] newDeliveries = new Unacked[tags.length * 2];
    for (int i = 0; i < span; i++) {
      newTags[i] = tags[slot(i)];
      newDeliveries[i] = deliveries[slot(i)];
    }
    tags = newTags;
    deliveries = newDeliveries;
    head = 0;
  }

  /** Moves the live deliveries together, oldest first, keeping their order. */
  private void compact() {
    int kept = 0;
    for (int i = 0; i < span; i++) {
      int from = slot(i);
      if (deliveries[from] != null) {
        int to = slot(kept++);
        tags[to] = tags[from];
        deliveries[to] = deliveries[from];
      }
    }
    clearSlots(kept, span);
    span = kept;
  }

  private void clearSlots(int fromIndex, int toIndex) {
    for (int i = fromIndex; i < toIndex; i++) {
      deliveries[slot(i)] = null;
    }
  }
}
