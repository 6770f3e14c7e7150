package io.warrenmq.broker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.warrenmq.model.generated.BasicProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dispatch logic, run on the calling thread (an immediate executor stands in for the actor). */
class MessageQueueTest {
  private final List<QueueEntry> held = new ArrayList<>();
  private final MessageQueue queue =
      new MessageQueue(
          new QueueSettings("q", "/", false, null, false, Map.of()),
          ImmediateEventExecutor.INSTANCE,
          q -> {});

  @AfterEach
  void release() {
    held.forEach(e -> e.message().release());
    queue.forceDelete();
  }

  private static Message message(int i) {
    return new Message(
        "", "q", BasicProperties.EMPTY, Unpooled.wrappedBuffer(new byte[] {(byte) i}));
  }

  private final class FakeConsumer implements Consumer {
    final String tag;
    final int limit;
    final List<QueueEntry> got = new ArrayList<>();
    boolean cancelled;

    FakeConsumer(String tag, int limit) {
      this.tag = tag;
      this.limit = limit;
    }

    @Override
    public String tag() {
      return tag;
    }

    @Override
    public boolean isNoAck() {
      return false;
    }

    @Override
    public boolean tryReserve() {
      return limit == 0 || got.size() < limit;
    }

    @Override
    public void deliver(MessageQueue from, QueueEntry entry) {
      got.add(entry);
      held.add(entry);
    }

    @Override
    public void cancelledByQueue(MessageQueue from) {
      cancelled = true;
    }
  }

  @Test
  void roundRobinAcrossConsumers() {
    FakeConsumer a = new FakeConsumer("a", 0);
    FakeConsumer b = new FakeConsumer("b", 0);
    queue.addConsumer(a, false, e -> {});
    queue.addConsumer(b, false, e -> {});
    for (int i = 0; i < 6; i++) {
      queue.enqueue(message(i));
    }
    assertThat(a.got).hasSize(3);
    assertThat(b.got).hasSize(3);
    assertThat(a.got.get(0).seq()).isEqualTo(0);
    assertThat(b.got.get(0).seq()).isEqualTo(1);
  }

  @Test
  void creditLimitsDeliveries() {
    FakeConsumer a = new FakeConsumer("a", 2);
    queue.addConsumer(a, false, e -> {});
    for (int i = 0; i < 5; i++) {
      queue.enqueue(message(i));
    }
    assertThat(a.got).hasSize(2);
    assertThat(queue.approximateReadyCount()).isEqualTo(3);
  }

  @Test
  void requeuedEntriesComeBackFirstInOrderAndRedelivered() {
    for (int i = 0; i < 3; i++) {
      queue.enqueue(message(i));
    }
    List<QueueEntry> taken = new ArrayList<>();
    queue.get((entry, left) -> taken.add(entry));
    queue.get((entry, left) -> taken.add(entry));
    queue.requeue(List.of(taken.get(1), taken.get(0)));
    FakeConsumer a = new FakeConsumer("a", 0);
    queue.addConsumer(a, false, e -> {});
    assertThat(a.got).extracting(QueueEntry::seq).containsExactly(0L, 1L, 2L);
    assertThat(a.got).extracting(QueueEntry::redelivered).containsExactly(true, true, false);
  }

  /** A consumer cancelled with deliveries on their way gives them back one by one, in order. */
  @Test
  void entriesBouncedOneByOneKeepTheirOrder() {
    for (int i = 0; i < 6; i++) {
      queue.enqueue(message(i));
    }
    List<QueueEntry> taken = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      queue.get((entry, left) -> taken.add(entry));
    }
    queue.requeue(List.of(taken.get(0)));
    taken.subList(1, 4).forEach(queue::bounce);
    FakeConsumer a = new FakeConsumer("a", 0);
    queue.addConsumer(a, false, e -> {});
    assertThat(a.got).extracting(QueueEntry::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(a.got)
        .extracting(QueueEntry::redelivered)
        .containsExactly(true, false, false, false, false, false);
  }

  @Test
  void readyBytesFollowEnqueueDispatchGetAndPurge() {
    for (int i = 0; i < 4; i++) {
      queue.enqueue(message(i));
    }
    assertThat(queue.approximateReadyBytes()).isEqualTo(4);
    queue.get((entry, left) -> held.add(entry));
    assertThat(queue.approximateReadyBytes()).isEqualTo(3);
    queue.requeue(List.of(held.remove(0)));
    assertThat(queue.approximateReadyBytes()).isEqualTo(4);
    queue.addConsumer(new FakeConsumer("a", 1), false, e -> {});
    assertThat(queue.approximateReadyBytes()).isEqualTo(3);
    queue.purge(n -> {});
    assertThat(queue.approximateReadyBytes()).isZero();
  }

  @Test
  void exclusiveConsumerRefusesOthers() {
    List<Object> answers = new ArrayList<>();
    queue.addConsumer(new FakeConsumer("a", 0), true, answers::add);
    queue.addConsumer(new FakeConsumer("b", 0), false, answers::add);
    assertThat(answers.get(0)).isNull();
    assertThat(answers.get(1)).isNotNull();
  }

  @Test
  void deleteCancelsConsumersAndCountsMessages() {
    FakeConsumer a = new FakeConsumer("a", 1);
    queue.addConsumer(a, false, e -> {});
    queue.enqueue(message(1));
    queue.enqueue(message(2));
    int[] count = new int[1];
    queue.delete(false, false, (n, error) -> count[0] = n);
    assertThat(count[0]).isEqualTo(1);
    assertThat(a.cancelled).isTrue();
  }
}
