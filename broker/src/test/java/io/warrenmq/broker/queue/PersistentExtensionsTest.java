package io.warrenmq.broker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.model.generated.BasicProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Persistent messages that expire or are dead-lettered leave the store like an ack, and a
 * dead-lettered copy landing on a durable queue is stored anew.
 */
@Timeout(30)
class PersistentExtensionsTest {
  private final DefaultEventExecutor executor = new DefaultEventExecutor();
  private final RecordingStore store = new RecordingStore();
  private final List<MessageQueue> queues = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    queues.forEach(MessageQueue::forceDelete);
    executor.submit(() -> {}).get();
    executor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private static final class RecordingStore implements MessageStore {
    final List<StoreRef> removed = new ArrayList<>();
    final List<List<String>> appended = new ArrayList<>();
    final List<StoreRef> appendedRefs = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Void> append(
        String vhost, List<String> queues, Message message) {
      appended.add(queues);
      appendedRefs.add(message.storeRef());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void remove(String vhost, String queue, StoreRef ref) {
      removed.add(ref);
    }

    @Override
    public boolean canPageOut() {
      return false; // these queues keep their messages in memory
    }

    @Override
    public CompletionStage<List<Message>> read(List<StoreRef> refs) {
      throw new AssertionError("a queue that keeps its messages in memory never reads back");
    }

    synchronized boolean wasRemoved(StoreRef ref) {
      return removed.contains(ref);
    }

    synchronized int appends() {
      return appended.size();
    }
  }

  private MessageQueue durable(String name, Map<String, Object> args, QueueListener listener) {
    MessageQueue queue =
        new MessageQueue(
            new QueueSettings(name, "/", true, null, false, args), executor, listener, store);
    queues.add(queue);
    return queue;
  }

  private static Message persistent(StoreRef ref) {
    return new Message(
        "",
        "source",
        BasicProperties.builder().deliveryMode(2).build(),
        Unpooled.wrappedBuffer(new byte[] {1, 2, 3}),
        ref);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private int depth(MessageQueue queue) throws Exception {
    CompletableFuture<Integer> depth = new CompletableFuture<>();
    queue.stats((ready, consumers) -> depth.complete(ready));
    return depth.get(5, TimeUnit.SECONDS);
  }

  /** Routes every dead letter to {@code target}. */
  private QueueListener routingTo(MessageQueue[] target) {
    return new QueueListener() {
      @Override
      public void onAutoDeleted(MessageQueue queue) {}

      @Override
      public Set<MessageQueue> routeDeadLetter(
          String exchange, List<String> routingKeys, Map<String, Object> headers) {
        return new HashSet<>(Set.of(target[0]));
      }

      @Override
      public MessageStore messageStore() {
        return store;
      }
    };
  }

  @Test
  void expiredPersistentMessageIsSettled() throws Exception {
    MessageQueue queue = durable("ttl", Map.of("x-message-ttl", 10), q -> {});
    StoreRef ref = new StoreRef();
    queue.enqueue(persistent(ref));
    await(() -> store.wasRemoved(ref));
    assertThat(depth(queue)).isZero();
  }

  @Test
  void droppedHeadIsSettled() throws Exception {
    MessageQueue queue = durable("max", Map.of("x-max-length", 1), q -> {});
    StoreRef first = new StoreRef();
    queue.enqueue(persistent(first));
    queue.enqueue(persistent(new StoreRef()));
    await(() -> store.wasRemoved(first));
    assertThat(depth(queue)).isEqualTo(1);
  }

  @Test
  void deadLetteredCopyIsStoredAnewForDurableTargets() throws Exception {
    MessageQueue[] target = new MessageQueue[1];
    target[0] = durable("dlq", Map.of(), q -> {});
    MessageQueue source =
        durable("source", Map.of("x-dead-letter-exchange", "dlx"), routingTo(target));
    StoreRef original = new StoreRef();
    source.enqueue(persistent(original));
    CompletableFuture<QueueEntry> got = new CompletableFuture<>();
    source.get((entry, left) -> got.complete(entry));
    source.rejected(got.get(5, TimeUnit.SECONDS).message());
    assertThat(store.wasRemoved(original)).isTrue();
    await(() -> store.appends() == 1);
    assertThat(store.appended.get(0)).containsExactly("dlq");
    assertThat(store.appendedRefs.get(0)).isNotSameAs(original);
    await(() -> target[0].approximateReadyCount() == 1);
    CompletableFuture<QueueEntry> dead = new CompletableFuture<>();
    target[0].get((entry, left) -> dead.complete(entry));
    Message copy = dead.get(5, TimeUnit.SECONDS).message();
    assertThat(copy.storeRef()).isSameAs(store.appendedRefs.get(0));
    assertThat(copy.properties().headers()).containsEntry("x-first-death-reason", "rejected");
    copy.release();
  }
}
