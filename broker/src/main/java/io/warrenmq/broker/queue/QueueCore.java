package io.warrenmq.broker.queue;

import io.netty.util.concurrent.EventExecutor;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.RecoveredMessages;
import io.warrenmq.model.AmqpException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * The state of one queue and what its operations do to it, once {@link MessageQueue} has hopped to
 * the queue's executor: the actor's body, where {@link MessageQueue} is its address. That class
 * only hops and delegates; the queue's logic reads here without a hop around every line.
 *
 * <p>Here the queue's parts are assembled from its arguments (see {@link MessageQueue} for which
 * class serves which argument) and the queue's life is decided: consumers join and leave, the queue
 * is deleted (queue.delete with its conditions, auto-delete after the last consumer, x-expires,
 * exclusive owner gone) or stopped with the broker. Messages come in through {@link Intake} and
 * leave the head through the {@link Dispatcher}.
 *
 * <p>Confinement: the queue's executor, except the methods marked "Any thread", which touch only
 * thread-safe parts (the volatile policy and counts, {@link Disposal}'s store records, {@link
 * Dispatcher#kick}).
 */
final class QueueCore {
  private final MessageQueue queue;
  private final QueueSettings settings;
  private final QueueListener listener;
  private final Ready ready;
  private final ConsumerSet consumers;
  private final Disposal disposal;
  private final HeadExpiry headExpiry;
  private final QueuePolicy policy;
  private final Dispatcher dispatcher;
  private final Intake intake;
  private final Backlog backlog = new Backlog();
  private boolean hadConsumer;
  private boolean deleted;
  private volatile int readyCount;
  private volatile long readyBytesPublished;

  /** {@code store} is null for a queue whose messages are not stored. */
  QueueCore(
      MessageQueue queue,
      QueueSettings settings,
      EventExecutor executor,
      QueueListener listener,
      MessageStore store,
      PageWindow window) {
    this.queue = queue;
    this.settings = settings;
    this.listener = listener;
    QueueArguments args = QueueArguments.of(settings);
    this.ready =
        args.hasPriorities()
            ? new PriorityReady(
                args.maxPriority(), level -> readyList(store, window, executor, false))
            : readyList(store, window, executor, !args.keepsMessagesInMemory());
    this.consumers = new ConsumerSet(args.singleActiveConsumer());
    this.disposal =
        new Disposal(
            settings,
            store,
            args.hasDeadLetterExchange() ? new DeadLetters(settings, args, listener) : null);
    this.headExpiry =
        new HeadExpiry(
            executor,
            ready,
            args.messageTtl(),
            entry -> disposal.deadLetter(entry, DeadLetters.Reason.EXPIRED),
            this::dispatch);
    this.policy =
        new QueuePolicy(
            settings,
            args,
            executor,
            listener,
            ready,
            headExpiry,
            disposal,
            () -> !consumers.isEmpty(),
            this::expired);
    this.dispatcher =
        new Dispatcher(
            queue, executor, ready, consumers, headExpiry, disposal, policy, this::publishCount);
    this.intake = new Intake(ready, headExpiry, policy, disposal);
  }

  private ReadyList readyList(
      MessageStore store, PageWindow window, EventExecutor executor, boolean pageNew) {
    return new ReadyList(
        settings.name(),
        store,
        window,
        executor,
        this::dispatch,
        ref -> disposal.settledPagedOut(ref),
        pageNew);
  }

  // ---- any thread ----

  /** Any thread: names the policy in force for management before it takes effect. */
  void announcePolicy(String name, Map<String, Object> definition) {
    policy.announce(name, definition);
  }

  /** Any thread. */
  String policyName() {
    return policy.name();
  }

  /** Any thread. */
  Map<String, Object> policyDefinition() {
    return policy.definition();
  }

  /** Any thread: true when the length limit in force refuses rather than drops heads. */
  boolean mayRefuse() {
    LengthLimit limit = policy.limit();
    return limit != null && limit.rejectsPublish();
  }

  /** Any thread: see {@link MessageQueue#settled}. */
  void settled(Message message) {
    disposal.settled(message);
  }

  /** Any thread: see {@link MessageQueue#rejected}. */
  void rejected(Message message) {
    disposal.rejected(message);
  }

  /** Any thread: asks for a dispatch pass. */
  void kick() {
    dispatcher.kick();
  }

  /** Any thread: true while publishers to this queue should pause ({@link Backlog}). */
  boolean isOverloaded() {
    return backlog.isOverloaded();
  }

  /** Any thread: the ready count as last published. */
  int readyCount() {
    return readyCount;
  }

  /** Any thread: the resident ready bytes as last published. */
  long readyBytes() {
    return readyBytesPublished;
  }

  // ---- the queue's executor: MessageQueue's operations, documented there ----

  void applyPolicy(String name, Map<String, Object> definition) {
    if (!deleted) {
      policy.takeEffect(name, definition);
      dispatch();
    }
  }

  void restore(RecoveredMessages messages) {
    intake.restore(messages);
    dispatch();
  }

  void stop() {
    disposal.stopping();
    deleteNow();
  }

  /** Takes ownership of {@code message}; false when the queue is full and refuses it. */
  boolean accept(Message message) {
    if (deleted) {
      disposal.drop(message);
      return true;
    }
    if (!intake.publish(message)) {
      return false;
    }
    dispatch();
    return true;
  }

  /** A publisher paused for this queue waits until it drains (or is told at once). */
  void awaitDrain(DrainListener listener) {
    backlog.await(queue, listener);
  }

  /** A paused publisher's connection closed. */
  void cancelDrainWait(DrainListener listener) {
    backlog.cancel(listener);
  }

  /** The queue was used (declared, basic.get): x-expires counts from now. */
  void touch() {
    policy.used();
  }

  /** x-expires: unused for too long. */
  private void expired() {
    if (!deleted) {
      deleteNow();
      listener.onAutoDeleted(queue);
    }
  }

  void addConsumer(
      Consumer consumer, boolean exclusive, java.util.function.Consumer<AmqpException> done) {
    if (deleted) {
      done.accept(AmqpException.notFound("no " + settings.describe()));
    } else if (!consumers.add(consumer, exclusive)) {
      done.accept(AmqpException.accessRefused(settings.describe() + " in exclusive use"));
    } else {
      hadConsumer = true;
      done.accept(null);
      dispatch();
    }
  }

  void removeConsumer(Consumer consumer) {
    if (!consumers.remove(consumer)) {
      return;
    }
    if (consumers.isEmpty()) {
      queue.touch(); // a task of its own, as every use: the idle time counts from after this one
    }
    if (settings.autoDelete() && hadConsumer && consumers.isEmpty() && !deleted) {
      deleteNow();
      listener.onAutoDeleted(queue);
    } else {
      dispatch();
    }
  }

  void requeue(List<QueueEntry> entries) {
    if (deleted) {
      entries.forEach(disposal::drop);
      return;
    }
    intake.requeue(entries);
    dispatch();
  }

  void bounce(QueueEntry entry) {
    if (deleted) {
      disposal.drop(entry);
      return;
    }
    intake.bounce(entry);
    dispatch();
  }

  void get(BiConsumer<QueueEntry, Integer> done) {
    if (!deleted) {
      dispatcher.get(done);
      return;
    }
    publishCount();
    done.accept(null, ready.size());
  }

  void purge(LongConsumer done) {
    int count = ready.size();
    releaseReady();
    done.accept(count);
  }

  void stats(BiConsumer<Integer, Integer> done) {
    done.accept(ready.size(), consumers.size());
  }

  void delete(boolean ifUnused, boolean ifEmpty, MessageQueue.QueueDeleteCallback done) {
    if (ifUnused && !consumers.isEmpty()) {
      done.completed(0, AmqpException.preconditionFailed(settings.describe() + " in use"));
    } else if (ifEmpty && !ready.isEmpty()) {
      done.completed(0, AmqpException.preconditionFailed(settings.describe() + " is not empty"));
    } else {
      int count = ready.size();
      deleteNow();
      done.completed(count, null);
    }
  }

  /** Ends the queue: timers stop, ready messages go, consumers are cancelled. Idempotent. */
  void deleteNow() {
    if (deleted) {
      return;
    }
    deleted = true;
    headExpiry.cancel();
    policy.cancelExpiry();
    releaseReady();
    for (Consumer consumer : consumers.all()) {
      consumer.cancelledByQueue(queue);
    }
    consumers.clear();
    backlog.deleted(queue);
  }

  private void releaseReady() {
    ready.drain().forEach(disposal::drop);
    dispatcher.answerWaitingGetsEmpty();
    publishCount();
  }

  private void dispatch() {
    dispatcher.run();
  }

  private void publishCount() {
    int count = ready.size();
    long bytes = ready.residentBytes();
    readyCount = count;
    readyBytesPublished = bytes;
    backlog.update(queue, count, bytes, !consumers.isEmpty());
  }
}
