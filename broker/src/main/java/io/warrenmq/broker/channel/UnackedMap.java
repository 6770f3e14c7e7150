package io.warrenmq.broker.channel;

import io.warrenmq.broker.metrics.MessageCounters;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
import io.warrenmq.model.AmqpException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel's deliveries awaiting ack, by delivery tag in delivery order. Confined to the channel's
 * event loop.
 */
final class UnackedMap {
  private final LinkedHashMap<Long, Unacked> byTag = new LinkedHashMap<>();
  private final MessageCounters counters;

  /**
   * @param counters where each queue's count of deliveries awaiting ack is kept, for metrics
   */
  UnackedMap(MessageCounters counters) {
    this.counters = counters;
  }

  void put(long tag, Unacked unacked) {
    byTag.put(tag, unacked);
    counters.unacked(unacked.queue(), 1);
  }

  int size() {
    return byTag.size();
  }

  /**
   * Removes the deliveries an ack, nack or reject names: one tag, or with {@code multiple} every
   * tag up to it (0 meaning all). 406 PRECONDITION_FAILED for an unknown tag (spec 1.8.3.13).
   */
  List<Unacked> take(long tag, boolean multiple) {
    if (multiple && tag == 0) {
      return takeAll();
    }
    if (!byTag.containsKey(tag)) {
      throw AmqpException.preconditionFailed("unknown delivery tag " + tag);
    }
    if (!multiple) {
      Unacked one = byTag.remove(tag);
      counters.unacked(one.queue(), -1);
      return List.of(one);
    }
    List<Unacked> taken = new ArrayList<>();
    for (Iterator<Map.Entry<Long, Unacked>> it = byTag.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Unacked> next = it.next();
      if (next.getKey() > tag) {
        break;
      }
      taken.add(next.getValue());
      counters.unacked(next.getValue().queue(), -1);
      it.remove();
    }
    return taken;
  }

  /** Removes and returns every delivery, in delivery order. */
  List<Unacked> takeAll() {
    List<Unacked> all = new ArrayList<>(byTag.values());
    all.forEach(unacked -> counters.unacked(unacked.queue(), -1));
    byTag.clear();
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
    return byTag.isEmpty() ? null : byTag.values().iterator().next();
  }

  /** Every delivery, in delivery order, left in place. */
  List<Unacked> peekAll() {
    return new ArrayList<>(byTag.values());
  }
}
