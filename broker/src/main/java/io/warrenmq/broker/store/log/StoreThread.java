package io.warrenmq.broker.store.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's own thread and its group commit: it takes every task that arrived since its last
 * pass, runs them (they append to the files' write buffers), then syncs each file once (write +
 * {@code force(false)}) and only then completes the tasks. So one fsync covers every publisher that
 * was waiting, and no event loop ever touches the disk.
 *
 * <p>Confinement: tasks and {@link Syncable}s run only on this thread. {@link #submit} is
 * thread-safe and never blocks (a lock-free queue and an unpark).
 */
public final class StoreThread implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreThread.class);
  private static final int MAX_BATCH = 16384;

  /** A unit of store work. */
  public interface Task {
    /** Runs on the store thread: buffers its writes. */
    void execute() throws IOException;

    /** Runs on the store thread after the batch's sync; {@code error} is null on success. */
    default void completed(Throwable error) {}
  }

  /** A file that buffers writes: {@link #sync} writes them out and forces them when needed. */
  public interface Syncable {
    /** Writes buffered bytes; forces the file if anything written needs it. True if forced. */
    boolean sync() throws IOException;
  }

  private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
  private final List<Syncable> files;
  private final Thread thread;
  private final AtomicLong fsyncs = new AtomicLong();
  private volatile boolean stopping;

  public StoreThread(String name, List<Syncable> files) {
    this.files = List.copyOf(files);
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Queues a task; thread-safe, non-blocking. After {@link #close} the task fails at once. */
  public void submit(Task task) {
    if (stopping) {
      task.completed(new IOException("store closed"));
      return;
    }
    tasks.add(task);
    LockSupport.unpark(thread);
  }

  /** How many batches forced a file so far (the group commit's fsync count). */
  public long fsyncCount() {
    return fsyncs.get();
  }

  private void run() {
    List<Task> batch = new ArrayList<>();
    while (true) {
      for (Task task; batch.size() < MAX_BATCH && (task = tasks.poll()) != null; ) {
        batch.add(task);
      }
      if (batch.isEmpty()) {
        if (stopping) {
          return;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        continue;
      }
      runBatch(batch);
      batch.clear();
    }
  }

  private void runBatch(List<Task> batch) {
    Throwable[] errors = new Throwable[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      try {
        batch.get(i).execute();
      } catch (Exception e) {
        LOG.error("store task failed", e);
        errors[i] = e;
      }
    }
    Throwable syncError = null;
    boolean forced = false;
    for (Syncable file : files) {
      try {
        forced |= file.sync();
      } catch (IOException | RuntimeException e) {
        LOG.error("store sync failed", e);
        syncError = e;
      }
    }
    if (forced) {
      fsyncs.incrementAndGet();
    }
    for (int i = 0; i < batch.size(); i++) {
      Throwable error = errors[i] != null ? errors[i] : syncError;
      try {
        batch.get(i).completed(error);
      } catch (RuntimeException e) {
        LOG.error("store completion failed", e);
      }
    }
  }

  /** Runs what is queued, syncs, and stops the thread. */
  @Override
  public void close() {
    stopping = true;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Task task; (task = tasks.poll()) != null; ) {
      task.completed(new IOException("store closed"));
    }
  }
}
