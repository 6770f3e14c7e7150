package io.warrenmq.broker.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * The ready messages of a priority queue ({@code x-max-priority}): one FIFO sub-queue per priority,
 * highest first, so delivery is by priority and FIFO within one. A message without a priority has
 * 0; one above the maximum counts as the maximum (RabbitMQ). Messages recovered after a restart
 * join their priority's sub-queue, paged out (recovery reads the priority from the stored record).
 *
 * <p>Confinement and ownership as {@link Ready}.
 */
final class PriorityReady implements Ready {
  private final ReadyList[] levels;

  /** {@code level} creates the sub-queue of one priority. */
  PriorityReady(int maxPriority, java.util.function.IntFunction<ReadyList> level) {
    levels = new ReadyList[maxPriority + 1];
    for (int i = 0; i <= maxPriority; i++) {
      levels[i] = level.apply(i);
    }
  }

  private ReadyList levelOf(QueueEntry entry) {
    return levelOf(entry.message());
  }

  private ReadyList levelOf(Message message) {
    Integer priority = message.properties() == null ? null : message.properties().priority();
    return level(priority == null ? 0 : priority);
  }

  private ReadyList level(int priority) {
    return levels[Math.max(0, Math.min(priority, levels.length - 1))];
  }

  @Override
  public int size() {
    int size = 0;
    for (ReadyList level : levels) {
      size += level.size();
    }
    return size;
  }

  @Override
  public long residentBytes() {
    long sum = 0;
    for (ReadyList level : levels) {
      sum += level.residentBytes();
    }
    return sum;
  }

  @Override
  public long bytes() {
    long sum = 0;
    for (ReadyList level : levels) {
      sum += level.bytes();
    }
    return sum;
  }

  @Override
  public Message compact(Message message) {
    return levelOf(message).compact(message);
  }

  @Override
  public void addLast(QueueEntry entry) {
    levelOf(entry).addLast(entry);
  }

  @Override
  public void addFirst(QueueEntry entry) {
    if (entry.isPagedOut()) {
      levels[0].addFirst(entry);
    } else {
      levelOf(entry).addFirst(entry);
    }
  }

  @Override
  public void addRecovered(QueueEntry entry, int priority) {
    level(priority).addRecovered(entry, priority);
  }

  /** The highest non-empty level; a level whose head is still being read back blocks lower ones. */
  private ReadyList first() {
    for (int i = levels.length - 1; i >= 0; i--) {
      if (!levels[i].isEmpty()) {
        return levels[i];
      }
    }
    return null;
  }

  @Override
  public QueueEntry peekFirst() {
    ReadyList first = first();
    return first == null ? null : first.peekFirst();
  }

  @Override
  public QueueEntry pollFirst() {
    ReadyList first = first();
    return first == null ? null : first.pollFirst();
  }

  @Override
  public List<QueueEntry> drain() {
    List<QueueEntry> all = new ArrayList<>();
    for (int i = levels.length - 1; i >= 0; i--) {
      all.addAll(levels[i].drain());
    }
    return all;
  }
}
