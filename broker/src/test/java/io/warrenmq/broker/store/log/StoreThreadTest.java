package io.warrenmq.broker.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreThreadTest {
  @Test
  void completionsComeAfterTheForceAndBeforeTheWritesNobodyWaitsFor() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch passDone = new CountDownLatch(1);
    StoreThread.Syncable file =
        new StoreThread.Syncable() {
          @Override
          public boolean sync() {
            throw new AssertionError("the store thread splits the sync");
          }

          @Override
          public boolean syncForCompletions() {
            order.add("force");
            return true;
          }

          @Override
          public void afterPass() {
            order.add("acks");
            passDone.countDown();
          }
        };
    StoreThread thread = new StoreThread("test-store", List.of(file));
    thread.start();
    try {
      thread.submit(
          new StoreThread.Task() {
            @Override
            public void execute() {
              order.add("execute");
            }

            @Override
            public void completed(Throwable error) {
              order.add("confirm");
            }
          });
      assertThat(passDone.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(order).containsExactly("execute", "force", "confirm", "acks");
      assertThat(thread.fsyncCount()).isGreaterThanOrEqualTo(1);
    } finally {
      thread.close();
    }
  }

  @Test
  void tasksSubmittedFromManyThreadsWhileItSleepsAllComplete() throws Exception {
    int producers = 4;
    int perProducer = 5_000;
    AtomicInteger completed = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(producers * perProducer);
    StoreThread thread = new StoreThread("test-store", List.of(() -> false));
    thread.start();
    try {
      Thread[] threads = new Thread[producers];
      for (int p = 0; p < producers; p++) {
        threads[p] =
            new Thread(
                () -> {
                  for (int i = 0; i < perProducer; i++) {
                    thread.submit(
                        new StoreThread.Task() {
                          @Override
                          public void execute() {}

                          @Override
                          public void completed(Throwable error) {
                            completed.incrementAndGet();
                            all.countDown();
                          }
                        });
                    if (i % 500 == 0) {
                      Thread.yield(); // lets the store thread run dry and park in between
                    }
                  }
                });
        threads[p].start();
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(completed.get()).isEqualTo(producers * perProducer);
    } finally {
      thread.close();
    }
  }

  @Test
  void anAckRunsAfterTheConfirmsOfItsPassAndAfterTheAppendBeforeIt() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch acked = new CountDownLatch(1);
    StoreThread.Syncable file =
        new StoreThread.Syncable() {
          @Override
          public boolean sync() {
            return false;
          }

          @Override
          public boolean syncForCompletions() {
            order.add("force");
            return true;
          }
        };
    StoreThread thread = new StoreThread("test-store", List.of(file));
    thread.start();
    try {
      // Holds the thread in a pass so that the next two tasks form one batch.
      thread.submit(
          () -> {
            running.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      thread.submit(
          new StoreThread.Task() {
            @Override
            public void execute() {
              order.add("append");
            }

            @Override
            public void completed(Throwable error) {
              order.add("confirm");
            }
          });
      thread.submit(
          new StoreThread.Task() {
            @Override
            public void execute() {
              order.add("ack");
            }

            @Override
            public void completed(Throwable error) {
              acked.countDown();
            }

            @Override
            public boolean afterCompletions() {
              return true;
            }
          });
      order.clear();
      release.countDown();
      assertThat(acked.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(order).containsExactly("force", "append", "force", "confirm", "ack");
    } finally {
      thread.close();
    }
  }
}
