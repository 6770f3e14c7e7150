package io.warrenmq.broker.queue;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Hands the head of a queue's ready list out. basic.gets come first, in the order they arrived: a
 * get that finds the head paged out waits for it, and consumers wait behind it, so a get is never
 * overtaken. Then each ready message goes to the next consumer with credit that {@link ConsumerSet}
 * picks, a budget of deliveries per pass before the executor is yielded to other queues (lavinmq's
 * deliver loop). On the way, drop-head length limits are enforced and heads past their TTL are
 * dead-lettered instead of delivered.
 *
 * <p>Confinement: the queue's executor, except {@link #kick}, which any thread may call (credit and
 * writability come back on channels' event loops); it coalesces into one pending pass.
 */
final class Dispatcher {
  /** Deliveries per dispatch task before yielding the executor to other queues. */
  private static final int BUDGET = 256;

  private final MessageQueue queue;
  private final EventExecutor executor;
  private final Ready ready;
  private final ConsumerSet consumers;
  private final HeadExpiry headExpiry;
  private final Disposal disposal;
  private final QueuePolicy policy;
  private final Runnable publishCount;
  private final ArrayDeque<BiConsumer<QueueEntry, Integer>> waitingGets = new ArrayDeque<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** {@code publishCount} publishes the ready count for other threads once a pass is done. */
  Dispatcher(
      MessageQueue queue,
      EventExecutor executor,
      Ready ready,
      ConsumerSet consumers,
      HeadExpiry headExpiry,
      Disposal disposal,
      QueuePolicy policy,
      Runnable publishCount) {
    this.queue = queue;
    this.executor = executor;
    this.ready = ready;
    this.consumers = consumers;
    this.headExpiry = headExpiry;
    this.disposal = disposal;
    this.policy = policy;
    this.publishCount = publishCount;
  }

  /**
   * basic.get: {@code done} gets the head entry (ownership passes) or null, and the number of
   * messages left; later, in order, when the head is on its way back from disk.
   */
  void get(BiConsumer<QueueEntry, Integer> done) {
    if (!waitingGets.isEmpty()) {
      waitingGets.addLast(done);
      return;
    }
    headExpiry.expireHead();
    QueueEntry entry = ready.pollFirst();
    if (entry == null && !ready.isEmpty()) {
      waitingGets.addLast(done); // answered when the head comes back from disk
      return;
    }
    publishCount.run();
    done.accept(entry, ready.size());
  }

  /** The ready list was emptied (purge, delete): waiting gets find nothing. */
  void answerWaitingGetsEmpty() {
    for (BiConsumer<QueueEntry, Integer> get; (get = waitingGets.pollFirst()) != null; ) {
      get.accept(null, 0);
    }
  }

  /** basic.gets that found the head on disk are answered first, in order, once it is back. */
  private void answerWaitingGets() {
    if (!waitingGets.isEmpty()) {
      headExpiry.expireHead();
    }
    while (!waitingGets.isEmpty()) {
      QueueEntry entry = ready.pollFirst();
      if (entry == null && !ready.isEmpty()) {
        break; // the next one is still on its way
      }
      waitingGets.pollFirst().accept(entry, ready.size());
    }
  }

  /** Asks for a dispatch pass: credit or writability came back. Any thread. */
  void kick() {
    if (scheduled.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            scheduled.set(false);
            run();
          });
    }
  }

  /** One dispatch pass. */
  void run() {
    LengthLimit limit = policy.limit();
    if (limit != null) {
      limit.dropHeads(ready, disposal);
    }
    answerWaitingGets();
    int budget = BUDGET;
    while (!consumers.isEmpty() && waitingGets.isEmpty()) {
      QueueEntry head = ready.peekFirst();
      if (head == null) {
        break;
      }
      // Strictly past its time: a TTL 0 message still goes to a consumer that can take it now.
      if (HeadExpiry.isPastDue(head)) {
        disposal.deadLetter(ready.pollFirst(), DeadLetters.Reason.EXPIRED);
        continue;
      }
      if (budget-- == 0) {
        kick();
        break;
      }
      Consumer consumer = consumers.nextWithCredit();
      if (consumer == null) {
        break;
      }
      consumer.deliver(queue, ready.pollFirst());
    }
    headExpiry.expireHead();
    publishCount.run();
  }
}
