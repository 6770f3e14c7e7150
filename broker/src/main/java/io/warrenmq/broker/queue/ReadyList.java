package io.warrenmq.broker.queue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.StoreRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue's ready messages, in order, with only a window of the persistent ones in memory (what
 * RabbitMQ calls a lazy queue). Three parts, oldest first:
 *
 * <ol>
 *   <li>{@code head}: entries in memory, ready to deliver;
 *   <li>{@code loading}: a run of entries whose messages the store is reading back;
 *   <li>{@code tail}: paged-out entries (a {@link StoreRef} each, no body, no properties) and the
 *       transient messages that arrived behind them, which stay in memory in their place.
 * </ol>
 *
 * A persistent message that arrives while the head's window is full, or behind anything already
 * paged out, is paged out at once: its reference is released and only its ref stays. Whenever the
 * head holds less than half the window, the next run of the tail is read back (one store task,
 * asynchronous; the queue's thread never waits on disk) and joins the head when it arrives.
 *
 * <p>Confinement: the queue's executor. Ownership: the list owns one reference per entry in memory;
 * {@link #pollFirst} and {@link #drain} hand entries (and their references) to the caller.
 */
final class ReadyList implements Ready {
  private static final Logger LOG = LoggerFactory.getLogger(ReadyList.class);

  /** At most this many messages per read, however small they are. */
  private static final int MAX_RUN = 4096;

  /**
   * From this many ready messages on, new transient ones are copied into chunks: a queue this deep
   * will hold them a while, while a queue that keeps up with its consumers never copies.
   */
  static final int COMPACT_DEPTH = 1024;

  private final MessageStore store;
  private final PageWindow window;
  private final EventExecutor executor;
  private final Runnable onLoaded;
  private final Consumer<StoreRef> dropPaged;
  private final String name;
  private final boolean mayPageNew;
  private boolean pageNew;
  private final ArrayDeque<QueueEntry> head = new ArrayDeque<>();
  private final ArrayDeque<QueueEntry> tail = new ArrayDeque<>();
  private final BodyChunks chunks = new BodyChunks(ByteBufAllocator.DEFAULT);
  private List<QueueEntry> loading;
  private int epoch;
  private long residentBytes;
  private long charged;
  private int pagedOut;
  private long bytes;

  /**
   * {@code store} is null (or cannot page) for a queue that keeps everything in memory; {@code
   * onLoaded} runs (on the executor) when read-back messages joined the head; {@code dropPaged}
   * settles a paged-out message that could not be read back; with {@code pageNew} false, new
   * messages always stay in memory (only recovered ones start on disk).
   */
  ReadyList(
      String name,
      MessageStore store,
      PageWindow window,
      EventExecutor executor,
      Runnable onLoaded,
      Consumer<StoreRef> dropPaged,
      boolean pageNew) {
    this.name = name;
    this.mayPageNew = pageNew;
    this.pageNew = pageNew;
    this.store = store != null && store.canPageOut() ? store : null;
    this.window = window;
    this.executor = executor;
    this.onLoaded = onLoaded;
    this.dropPaged = dropPaged;
  }

  @Override
  public void pageNew(boolean page) {
    pageNew = mayPageNew && page;
  }

  private boolean isPageable(Message message) {
    return pageNew && store != null && message.storeRef() != null;
  }

  @Override
  public int size() {
    return head.size() + (loading == null ? 0 : loading.size()) + tail.size();
  }

  @Override
  public long residentBytes() {
    return residentBytes;
  }

  @Override
  public long bytes() {
    return bytes;
  }

  /** The window charge of the persistent entries in memory (bodies plus per-message overhead). */
  long windowBytes() {
    return charged;
  }

  /** How many entries are only on disk (tail and the run being read). */
  int pagedOutCount() {
    return pagedOut;
  }

  @Override
  public Message compact(Message message) {
    if (size() < COMPACT_DEPTH) {
      return message;
    }
    compactNewest();
    return chunks.compact(message);
  }

  /**
   * Copies the newest entry's message if that failed when it arrived: the publisher's event loop
   * may still have held the message then, and one such body keeps a whole read buffer alive. By the
   * next message's arrival it has let go, unless the message went to other queues too.
   */
  private void compactNewest() {
    ArrayDeque<QueueEntry> newest = !tail.isEmpty() ? tail : loading == null ? head : null;
    QueueEntry entry = newest == null ? null : newest.peekLast();
    if (entry == null || entry.isPagedOut() || entry.message().isInChunk()) {
      return;
    }
    Message copy = chunks.compact(entry.message());
    if (copy != entry.message()) {
      newest.pollLast();
      newest.addLast(entry.withMessage(copy));
    }
  }

  /** Appends a new message's entry (ownership passes), paging it out when it does not fit. */
  @Override
  public void addLast(QueueEntry entry) {
    Message message = entry.message();
    bytes += message.size();
    if (!tail.isEmpty() || loading != null) {
      tail.addLast(isPageable(message) ? pageOut(entry) : inMemory(entry));
      return;
    }
    if (isPageable(message)) {
      long charge = PageWindow.charge(message);
      if (charged + charge > window.perQueue() || !window.hasRoomFor(charge)) {
        tail.addLast(pageOut(entry));
        return;
      }
      charge(charge);
    }
    head.addLast(inMemory(entry));
  }

  /**
   * Puts an entry back near the front (requeue, bounce), in memory whatever the window says: after
   * the entries at the front that are older than it (requeued or bounced before it), so entries
   * given back one at a time, in any order, regain their original order.
   */
  @Override
  public void addFirst(QueueEntry entry) {
    bytes += entry.size();
    if (isPageable(entry.message())) {
      charge(PageWindow.charge(entry.message()));
    }
    inMemory(entry);
    ArrayDeque<QueueEntry> older = null;
    while (!head.isEmpty() && head.peekFirst().seq() < entry.seq()) {
      if (older == null) {
        older = new ArrayDeque<>();
      }
      older.push(head.pollFirst());
    }
    head.addFirst(entry);
    while (older != null && !older.isEmpty()) {
      head.addFirst(older.pop());
    }
  }

  /** Appends a message recovered from the store: paged out until consumers get near it. */
  @Override
  public void addRecovered(QueueEntry entry, int priority) {
    bytes += entry.pagedSize();
    tail.addLast(entry);
    pagedOut++;
  }

  /**
   * The next entry if it is in memory; null when it is still on disk (a read is then under way).
   */
  @Override
  public QueueEntry peekFirst() {
    if (head.isEmpty()) {
      fill();
    }
    return head.peekFirst();
  }

  /** Takes the next entry if it is in memory (ownership passes); see {@link #peekFirst}. */
  @Override
  public QueueEntry pollFirst() {
    if (peekFirst() == null) {
      return null;
    }
    QueueEntry entry = head.pollFirst();
    residentBytes -= entry.message().size();
    bytes -= entry.message().size();
    if (isPageable(entry.message())) {
      charge(-PageWindow.charge(entry.message()));
    }
    fill();
    return entry;
  }

  /**
   * Takes every entry, in order (purge, delete, stop); entries paged out come back without a
   * message. A read under way is disowned: what it returns is released.
   */
  @Override
  public List<QueueEntry> drain() {
    List<QueueEntry> all = new ArrayList<>(size());
    all.addAll(head);
    if (loading != null) {
      all.addAll(loading);
    }
    all.addAll(tail);
    head.clear();
    tail.clear();
    loading = null;
    epoch++;
    chunks.close();
    charge(-charged);
    residentBytes = 0;
    bytes = 0;
    pagedOut = 0;
    return all;
  }

  private QueueEntry pageOut(QueueEntry entry) {
    Message message = entry.message();
    QueueEntry paged = entry.pagedOut();
    message.release();
    pagedOut++;
    return paged;
  }

  private QueueEntry inMemory(QueueEntry entry) {
    residentBytes += entry.message().size();
    return entry;
  }

  private void charge(long bytes) {
    charged += bytes;
    window.add(bytes);
  }

  /** Moves what the tail has in memory to the head, and starts reading back its next run. */
  private void fill() {
    if (loading != null) {
      return;
    }
    while (!tail.isEmpty() && !tail.peekFirst().isPagedOut()) {
      head.addLast(tail.pollFirst()); // transient, never charged
    }
    if (tail.isEmpty()
        || charged >= window.perQueue() / 2
        || (!head.isEmpty() && !window.hasRoomFor(window.perQueue() / 2))) {
      return; // enough read ahead, or memory is short and the head can still deliver
    }
    List<QueueEntry> run = new ArrayList<>();
    List<StoreRef> refs = new ArrayList<>();
    long budget = window.perQueue() - charged;
    while (!tail.isEmpty() && (run.isEmpty() || budget > 0) && run.size() < MAX_RUN) {
      QueueEntry entry = tail.pollFirst();
      run.add(entry);
      if (entry.isPagedOut()) {
        refs.add(entry.pagedRef());
        budget -= entry.pagedSize() + PageWindow.MESSAGE_OVERHEAD;
      }
    }
    loading = run;
    int readEpoch = epoch;
    store
        .read(refs)
        .whenComplete(
            (messages, error) -> executor.execute(() -> loaded(run, readEpoch, messages, error)));
  }

  private void loaded(
      List<QueueEntry> run, int readEpoch, List<Message> messages, Throwable error) {
    if (readEpoch != epoch) {
      if (messages != null) {
        messages.stream().filter(m -> m != null).forEach(Message::release);
      }
      return; // drained meanwhile
    }
    loading = null;
    if (error != null) {
      LOG.warn("queue '{}': reading back paged-out messages failed, retrying: {}", name, error);
      for (int i = run.size() - 1; i >= 0; i--) {
        tail.addFirst(run.get(i));
      }
      executor.schedule(onLoaded, 1, TimeUnit.SECONDS);
      return;
    }
    int next = 0;
    for (QueueEntry entry : run) {
      if (!entry.isPagedOut()) {
        head.addLast(entry);
        continue;
      }
      pagedOut--;
      Message message = messages.get(next++);
      if (message == null) {
        bytes -= entry.pagedSize();
        dropPaged.accept(entry.pagedRef()); // unreadable: logged by the store
        continue;
      }
      bytes += message.size() - entry.pagedSize(); // the record size was an estimate
      if (isPageable(message)) {
        charge(PageWindow.charge(message));
      }
      head.addLast(inMemory(entry.loaded(message)));
    }
    onLoaded.run();
  }
}
