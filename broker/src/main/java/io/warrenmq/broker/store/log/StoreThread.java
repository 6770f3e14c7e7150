package io.warrenmq.broker.store.log;

import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
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
 * thread-safe and never blocks: a multi-producer single-consumer array queue (no node per task),
 * and an unpark only when the thread is about to sleep, since under load a submit arrives while it
 * writes or forces and the unpark would only cost the submitter a lock.
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

    /**
     * True for bookkeeping that nothing waits for and that needs no force (an ack): it runs after
     * the pass's completions, so it does not delay the force or the confirms, still before the next
     * pass and in submission order among such tasks. Every task submitted before it has executed by
     * then (an ack never overtakes its message's append).
     */
    default boolean afterCompletions() {
      return false;
    }
  }

  /** A file that buffers writes: {@link #sync} writes them out and forces them when needed. */
  public interface Syncable {
    /** Writes buffered bytes; forces the file if anything written needs it. True if forced. */
    boolean sync() throws IOException;

    /**
     * The part of {@link #sync} that the pass's completions (confirms) wait for; by default all of
     * it. The store thread calls this, completes the pass's tasks, then {@link #afterPass}.
     */
    default boolean syncForCompletions() throws IOException {
      return sync();
    }

    /** The rest of {@link #sync}, which nobody waits for (ack files, deleting compacted files). */
    default void afterPass() throws IOException {}
  }

  /** Background work done in bounded slices between passes (compaction). */
  public interface Background {
    /**
     * Runs one short slice on the store thread, before the pass's sync (which forces what it
     * wrote). True when it did any work, so the thread runs another pass before sleeping.
     */
    boolean slice() throws IOException;
  }

  private final Queue<Task> tasks = PlatformDependent.newMpscQueue();
  private final List<Syncable> files;
  private final Thread thread;
  private final AtomicLong fsyncs = new AtomicLong();
  private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);
  private final Background background;
  private long reportedAt = System.nanoTime();
  private long reportedFsyncs;
  private volatile boolean stopping;
  private volatile boolean sleeping;
  private boolean failing;
  private final PassStats stats = new PassStats();

  public StoreThread(String name, List<Syncable> files) {
    this(name, files, () -> false);
  }

  /** A store thread that runs {@code background} slices between (and after) its passes. */
  public StoreThread(String name, List<Syncable> files, Background background) {
    this.files = List.copyOf(files);
    this.background = background;
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
    tasks.offer(task);
    // Both sides write, then read the other's flag (volatile, and the queue's CAS): either the
    // thread sees the task before it parks, or this sees it sleeping.
    if (sleeping) {
      LockSupport.unpark(thread);
    }
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
        if (runBackground()) {
          sync(); // forces the slice's copies; nothing waits on it
          afterPass();
          continue;
        }
        sleeping = true;
        if (tasks.isEmpty() && !stopping) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        sleeping = false;
        continue;
      }
      runBatch(batch);
      batch.clear();
    }
  }

  private boolean runBackground() {
    try {
      return background.slice();
    } catch (IOException | RuntimeException e) {
      failed("store background work failed", e);
      return false;
    }
  }

  /** Logs a failure once until a pass succeeds again (a full disk fails every pass). */
  private void failed(String what, Throwable e) {
    if (!failing) {
      failing = true;
      LOG.error("{} (further failures are logged at debug until it recovers)", what, e);
    } else {
      LOG.debug(what, e);
    }
  }

  /** Syncs what completions wait for in every file; returns the first error or null. */
  private Throwable sync() {
    Throwable syncError = null;
    boolean forced = false;
    for (Syncable file : files) {
      try {
        forced |= file.syncForCompletions();
      } catch (IOException | RuntimeException e) {
        failed("store sync failed", e);
        syncError = e;
      }
    }
    if (forced) {
      fsyncs.incrementAndGet();
    }
    report();
    return syncError;
  }

  private void runBatch(List<Task> batch) {
    long began = System.nanoTime();
    Throwable[] errors = new Throwable[batch.size()];
    boolean taskFailed = false;
    boolean deferred = false;
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).afterCompletions()) {
        deferred = true;
        continue;
      }
      try {
        batch.get(i).execute();
      } catch (Exception e) {
        failed("store task failed", e);
        errors[i] = e;
        taskFailed = true;
      }
    }
    runBackground();
    long syncing = System.nanoTime();
    Throwable syncError = sync();
    long synced = System.nanoTime();
    if (failing && syncError == null && !taskFailed) {
      failing = false;
      LOG.info("store writes succeed again");
    }
    for (int i = 0; i < batch.size(); i++) {
      if (!batch.get(i).afterCompletions()) {
        complete(batch.get(i), errors[i] != null ? errors[i] : syncError);
      }
    }
    stats.pass(batch.size(), began, syncing, synced, System.nanoTime());
    if (deferred) {
      for (Task task : batch) {
        if (task.afterCompletions()) {
          Throwable error = null;
          try {
            task.execute();
          } catch (Exception e) {
            failed("store task failed", e);
            error = e;
          }
          complete(task, error);
        }
      }
    }
    afterPass();
  }

  private static void complete(Task task, Throwable error) {
    try {
      task.completed(error);
    } catch (RuntimeException e) {
      LOG.error("store completion failed", e);
    }
  }

  /** After the completions: the writes nobody waits for (acks are not on a confirm's path). */
  private void afterPass() {
    for (Syncable file : files) {
      try {
        file.afterPass();
      } catch (IOException | RuntimeException e) {
        failed("store sync failed", e);
      }
    }
  }

  /** At debug, every 10 s: the group commit's fsyncs per second (shows batching under load). */
  private void report() {
    long now = System.nanoTime();
    if (now - reportedAt >= REPORT_NANOS && LOG.isDebugEnabled()) {
      long count = fsyncs.get();
      LOG.debug(
          "group commit: {} fsyncs/s{}",
          (count - reportedFsyncs) * TimeUnit.SECONDS.toNanos(1) / (now - reportedAt),
          stats.drain());
      reportedAt = now;
      reportedFsyncs = count;
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

  /**
   * Where a pass's time goes, for the debug report: a task waits for the pass before its own (about
   * one pass), then for its pass's execute and sync; a confirm leaves after the completion phase.
   */
  private static final class PassStats {
    private long passes;
    private long tasks;
    private long executeNanos;
    private long syncNanos;
    private long completeNanos;
    private long maxSyncNanos;

    void pass(int size, long began, long syncing, long synced, long done) {
      passes++;
      tasks += size;
      executeNanos += syncing - began;
      syncNanos += synced - syncing;
      completeNanos += done - synced;
      maxSyncNanos = Math.max(maxSyncNanos, synced - syncing);
    }

    /** The averages since the last call, then starts over. */
    String drain() {
      if (passes == 0) {
        return "";
      }
      String line =
          String.format(
              ", %d passes, %.1f tasks per pass, per pass: execute %d µs, write+force %d µs (max"
                  + " %d), complete %d µs",
              passes,
              (double) tasks / passes,
              executeNanos / passes / 1000,
              syncNanos / passes / 1000,
              maxSyncNanos / 1000,
              completeNanos / passes / 1000);
      passes = tasks = executeNanos = syncNanos = completeNanos = maxSyncNanos = 0;
      return line;
    }
  }
}
