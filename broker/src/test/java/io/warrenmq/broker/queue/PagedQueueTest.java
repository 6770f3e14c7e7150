package io.warrenmq.broker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A durable queue deeper than its window: only the window's worth of messages is in memory, the
 * rest is read back (from a fake store, on another thread) as the queue drains, in order.
 */
@Timeout(30)
class PagedQueueTest {
  private static final int BODY = 1024;
  private static final PageWindow WINDOW = new PageWindow(16 * 1024, 64 * 1024);

  /** The window may overshoot by the one message a read-back always takes. */
  private static final long BOUND = WINDOW.perQueue() + BODY + PageWindow.MESSAGE_OVERHEAD;

  private final DefaultEventExecutor executor = new DefaultEventExecutor();
  private final ExecutorService disk = Executors.newSingleThreadExecutor();
  private final FakeStore store = new FakeStore();
  private final MessageQueue queue =
      new MessageQueue(
          new QueueSettings("pq", "/", true, null, false, Map.of()),
          executor,
          q -> {},
          store,
          WINDOW);

  @AfterEach
  void stop() throws Exception {
    queue.forceDelete();
    executor.submit(() -> {}).get();
    executor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    disk.shutdown();
  }

  /** Keeps copies of the bodies by ref; reads complete on its own thread, as the store's. */
  private final class FakeStore implements MessageStore {
    final Map<StoreRef, byte[]> bodies = new ConcurrentHashMap<>();
    final List<StoreRef> removed = new ArrayList<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public CompletionStage<Void> append(String vhost, List<String> queues, Message message) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void remove(String vhost, String queue, StoreRef ref) {
      removed.add(ref);
    }

    @Override
    public boolean canPageOut() {
      return true;
    }

    @Override
    public CompletionStage<List<Message>> read(List<StoreRef> refs) {
      reads.incrementAndGet();
      return CompletableFuture.supplyAsync(
          () -> {
            List<Message> messages = new ArrayList<>();
            for (StoreRef ref : refs) {
              messages.add(
                  new Message(
                      "", "pq", persistent(), Unpooled.wrappedBuffer(bodies.get(ref)), ref));
            }
            return messages;
          },
          disk);
    }
  }

  private static BasicProperties persistent() {
    return BasicProperties.builder().deliveryMode(2).build();
  }

  private static byte[] body(int i) {
    byte[] body = new byte[BODY];
    byte[] id = (i + ":").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(id, 0, body, 0, id.length);
    return body;
  }

  private static int id(Message message) {
    String body = message.body().toString(StandardCharsets.US_ASCII);
    return Integer.parseInt(body.substring(0, body.indexOf(':')));
  }

  private void publishPersistent(int i) {
    StoreRef ref = new StoreRef();
    store.bodies.put(ref, body(i));
    queue.enqueue(new Message("", "pq", persistent(), Unpooled.wrappedBuffer(body(i)), ref));
  }

  private QueueEntry get() throws Exception {
    CompletableFuture<QueueEntry> got = new CompletableFuture<>();
    queue.get((entry, left) -> got.complete(entry));
    return got.get(10, TimeUnit.SECONDS);
  }

  private void assertWithinWindow() {
    assertThat(queue.approximateReadyBytes()).isLessThanOrEqualTo(BOUND);
    assertThat(WINDOW.used()).isLessThanOrEqualTo(BOUND);
  }

  @Test
  void deepQueueKeepsOnlyItsWindowInMemoryAndDrainsInOrder() throws Exception {
    int count = 500;
    for (int i = 0; i < count; i++) {
      publishPersistent(i);
      if (i % 7 == 0) {
        assertWithinWindow();
      }
    }
    CompletableFuture<Integer> depth = new CompletableFuture<>();
    queue.stats((ready, consumers) -> depth.complete(ready));
    assertThat(depth.get(5, TimeUnit.SECONDS)).isEqualTo(count);
    assertWithinWindow();
    assertThat(queue.approximateReadyBytes()).isLessThan((long) count * BODY / 10);

    for (int i = 0; i < count; i++) {
      QueueEntry entry = get();
      assertThat(id(entry.message())).isEqualTo(i);
      assertThat(entry.message().body().readableBytes()).isEqualTo(BODY);
      assertThat(entry.message().isPersistent()).isTrue();
      queue.settled(entry.message());
      entry.message().release();
      assertWithinWindow();
    }
    assertThat(get()).isNull();
    assertThat(store.reads.get()).isGreaterThan(count * BODY / (int) WINDOW.perQueue() / 2);
    assertThat(WINDOW.used()).isZero();
  }

  @Test
  void transientMessagesBetweenPagedOnesKeepTheirPlace() throws Exception {
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      if (i % 5 == 0) {
        queue.enqueue(new Message("", "pq", null, Unpooled.wrappedBuffer(body(i))));
      } else {
        publishPersistent(i);
      }
      expected.add(i);
    }
    List<Integer> seen = new ArrayList<>();
    for (QueueEntry entry; (entry = get()) != null; ) {
      seen.add(id(entry.message()));
      entry.message().release();
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void purgeSettlesPagedOutMessagesWithoutReadingThem() throws Exception {
    for (int i = 0; i < 200; i++) {
      publishPersistent(i);
    }
    CompletableFuture<Long> purged = new CompletableFuture<>();
    queue.purge(purged::complete);
    assertThat(purged.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    synchronized (store) {
      assertThat(store.removed).hasSize(200);
    }
    assertThat(WINDOW.used()).isZero();
    assertThat(get()).isNull();
  }

  @Test
  void recoveredMessagesStayOnDiskUntilAskedFor() throws Exception {
    var recovered = new io.warrenmq.broker.store.RecoveredMessages();
    for (int i = 0; i < 100; i++) {
      StoreRef ref = new StoreRef(1, 8 + i * BODY, BODY, 1);
      store.bodies.put(ref, body(i));
      recovered.add(ref, BODY);
    }
    queue.restore(recovered);
    CompletableFuture<Integer> depth = new CompletableFuture<>();
    queue.stats((ready, consumers) -> depth.complete(ready));
    assertThat(depth.get(5, TimeUnit.SECONDS)).isEqualTo(100);
    assertThat(queue.approximateReadyBytes()).isZero();
    assertThat(store.reads.get()).isZero();
    for (int i = 0; i < 100; i++) {
      QueueEntry entry = get();
      assertThat(id(entry.message())).isEqualTo(i);
      assertThat(entry.redelivered()).isTrue();
      entry.message().release();
    }
  }
}
