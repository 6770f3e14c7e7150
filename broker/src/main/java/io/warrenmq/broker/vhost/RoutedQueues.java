package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.MessageQueue;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The queues one publish reached, each once, in the order first reached: a reusable list that a
 * publisher routes into again and again, so routing allocates nothing per message. Duplicates are
 * dropped by identity: a linear scan while the list is short (the common one to a few queues), an
 * identity set once it is long (a fanout to hundreds of queues).
 *
 * <p>Confinement: one thread at a time, the owner's (a channel's event loop). The contents are
 * valid until the next {@link VirtualHost#route} into the same instance; index it with {@link #get}
 * to avoid an iterator.
 */
public final class RoutedQueues extends AbstractList<MessageQueue> implements RandomAccess {
  /** Above this many queues, duplicates are found through a set instead of a scan. */
  private static final int SCAN_LIMIT = 8;

  private MessageQueue[] queues = new MessageQueue[4];
  private int size;
  private Set<MessageQueue> seen; // filled once the list passes SCAN_LIMIT; kept for reuse

  /** Scratch for the router's per-exchange matches, reused for the same reason. */
  final List<Destination> found = new ArrayList<>();

  /** Empties the list for the next route; keeps its capacity. */
  @Override
  public void clear() {
    if (seen != null && !seen.isEmpty()) {
      seen.clear();
    }
    Arrays.fill(queues, 0, size, null);
    size = 0;
  }

  /** Adds {@code queue} unless it is already in (unlike a plain list); true when it was added. */
  @Override
  public boolean add(MessageQueue queue) {
    if (size < SCAN_LIMIT) {
      for (int i = 0; i < size; i++) {
        if (queues[i] == queue) {
          return false;
        }
      }
    } else {
      if (size == SCAN_LIMIT) {
        if (seen == null) {
          seen = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        seen.addAll(this);
      }
      if (!seen.add(queue)) {
        return false;
      }
    }
    if (size == queues.length) {
      queues = Arrays.copyOf(queues, size * 2);
    }
    queues[size++] = queue;
    return true;
  }

  @Override
  public MessageQueue get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return queues[index];
  }

  @Override
  public int size() {
    return size;
  }
}
