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

/** Publisher credit: when a queue is overloaded and when it tells waiting publishers to go on. */
class QueueBacklogTest {
  private final MessageQueue queue =
      new MessageQueue(
          new QueueSettings("q", "/", false, null, false, Map.of()),
          ImmediateEventExecutor.INSTANCE,
          q -> {});
  private final List<MessageQueue> drained = new ArrayList<>();
  private final DrainListener listener = drained::add;

  @AfterEach
  void release() {
    queue.forceDelete();
  }

  private void publish(int count) {
    for (int i = 0; i < count; i++) {
      queue.enqueue(
          new Message("", "q", BasicProperties.EMPTY, Unpooled.wrappedBuffer(new byte[] {1})));
    }
  }

  private GatedConsumer addConsumer() {
    GatedConsumer consumer = new GatedConsumer();
    queue.addConsumer(consumer, false, error -> assertThat(error).isNull());
    return consumer;
  }

  @Test
  void overloadedAtTheHighMarkWhileConsumersLag() {
    addConsumer();
    publish(Backlog.HIGH_MESSAGES - 1);
    assertThat(queue.isOverloaded()).isFalse();
    publish(1);
    assertThat(queue.isOverloaded()).isTrue();
  }

  @Test
  void aQueueWithoutConsumersFillsFreely() {
    publish(Backlog.HIGH_MESSAGES + 10);
    assertThat(queue.isOverloaded()).isFalse();
    queue.awaitDrain(listener);
    assertThat(drained).containsExactly(queue);
  }

  @Test
  void waitersAreToldOnceTheQueueDrainsBelowHalf() {
    GatedConsumer consumer = addConsumer();
    publish(Backlog.HIGH_MESSAGES);
    queue.awaitDrain(listener);
    assertThat(drained).isEmpty();

    consumer.open(queue);

    assertThat(consumer.taken()).isEqualTo(Backlog.HIGH_MESSAGES);
    assertThat(queue.isOverloaded()).isFalse();
    assertThat(drained).containsExactly(queue);
  }

  @Test
  void stillOverloadedUntilHalfDrained() {
    GatedConsumer consumer = addConsumer();
    publish(Backlog.HIGH_MESSAGES);
    queue.awaitDrain(listener);
    // Over the low mark: a get takes one message at a time.
    for (int i = 0; i < Backlog.HIGH_MESSAGES / 2 - 1; i++) {
      queue.get((entry, left) -> entry.message().release());
    }
    assertThat(queue.isOverloaded()).isTrue();
    assertThat(drained).isEmpty();
    queue.get((entry, left) -> entry.message().release());
    assertThat(queue.isOverloaded()).isFalse();
    assertThat(drained).containsExactly(queue);
    assertThat(consumer.taken()).isZero();
  }

  @Test
  void losingTheLastConsumerReleasesWaiters() {
    GatedConsumer consumer = addConsumer();
    publish(Backlog.HIGH_MESSAGES);
    queue.awaitDrain(listener);
    queue.removeConsumer(consumer);
    assertThat(queue.isOverloaded()).isFalse();
    assertThat(drained).containsExactly(queue);
  }

  @Test
  void deletingTheQueueReleasesWaiters() {
    addConsumer();
    publish(Backlog.HIGH_MESSAGES);
    queue.awaitDrain(listener);
    queue.forceDelete();
    assertThat(drained).containsExactly(queue);
    assertThat(queue.isOverloaded()).isFalse();
  }

  @Test
  void aCancelledWaiterIsNotTold() {
    GatedConsumer consumer = addConsumer();
    publish(Backlog.HIGH_MESSAGES);
    queue.awaitDrain(listener);
    queue.cancelDrainWait(listener);
    consumer.open(queue);
    assertThat(queue.isOverloaded()).isFalse();
    assertThat(drained).isEmpty();
  }
}
