package io.warrenmq.broker.queue;

import io.netty.util.concurrent.EventExecutor;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.RecoveredMessages;
import io.warrenmq.model.AmqpException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * One queue: ready entries, consumers, round-robin dispatch with credit.
 *
 * <p>Confinement: an actor. Every public method may be called from any thread; each hops to the
 * queue's executor (chosen once, at creation) and all state below is touched only there, so it
 * needs no locks and operations from one caller run in the order they were submitted (spec 4.7: a
 * publisher's messages keep their order). Callbacks run on the queue's executor; callers hop back
 * to their own thread.
 *
 * <p>Persistence: a durable, non-exclusive queue has a {@link MessageStore}; every way a stored
 * message leaves it for good (ack, reject, purge, delete, no-ack delivery) records the removal
 * through {@link #settled}. Stopping the broker ({@link #stop}) releases memory without recording
 * anything, so the messages come back at the next start.
 *
 * <p>RabbitMQ's queue arguments ({@link QueueArguments}) each live in their own class: TTLs ({@link
 * MessageTtl}, removed at the head by {@link HeadExpiry}; {@code x-expires} by {@link IdleExpiry}),
 * dead-lettering ({@link DeadLetters}), length limits ({@link LengthLimit}), priorities ({@link
 * PriorityReady}), consumer priorities and single active consumer ({@link ConsumerSet}). A queue
 * without arguments pays only a null check or two per message for them. A policy changes them
 * while the queue runs ({@link QueuePolicy}). Ready messages leave the head through the {@link
 * Dispatcher}, to basic.gets and consumers.
 */
public final class MessageQueue {
  private final QueueSettings settings;
  private final EventExecutor executor;
  private final QueueListener listener;
  private final MessageStore store;
  private final Ready ready;
  private final ConsumerSet consumers;
  private final Disposal disposal;
  private final HeadExpiry headExpiry;
  private final QueuePolicy policy;
  private final Dispatcher dispatcher;
  private final Intake intake;
  private boolean hadConsumer;
  private boolean deleted;
  private volatile int readyCount;
  private volatile long readyBytesPublished;

  /** Creates an in-memory queue serialized on {@code executor}. */
  public MessageQueue(QueueSettings settings, EventExecutor executor, QueueListener listener) {
    this(settings, executor, listener, null);
  }

  /**
   * Creates a queue serialized on {@code executor}; {@code store} is non-null for a queue whose
   * persistent messages are stored (durable, not exclusive).
   */
  public MessageQueue(
      QueueSettings settings, EventExecutor executor, QueueListener listener, MessageStore store) {
    this(settings, executor, listener, store, PageWindow.DEFAULT);
  }

  /** As above, keeping at most {@code window} of its persistent messages in memory. */
  public MessageQueue(
      QueueSettings settings,
      EventExecutor executor,
      QueueListener listener,
      MessageStore store,
      PageWindow window) {
    this.settings = settings;
    QueueArguments args = QueueArguments.of(settings);
    this.executor = executor;
    this.listener = listener;
    this.store = store;
    boolean pageNew = !args.keepsMessagesInMemory();
    this.ready =
        args.hasPriorities()
            ? new PriorityReady(args.maxPriority(), level -> readyList(window, false))
            : readyList(window, pageNew);
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
            this, executor, ready, consumers, headExpiry, disposal, policy, this::publishCount);
    this.intake = new Intake(ready, headExpiry, policy, disposal);
    touch();
  }

  /**
   * Puts the policy {@code name} with {@code definition} (already validated; null name: none) in
   * force, composed with the queue's own arguments ({@link QueueArguments#of(QueueSettings, Map)}).
   * Takes effect at once, as RabbitMQ (see {@link QueuePolicy}).
   */
  public void applyPolicy(String name, Map<String, Object> definition) {
    policy.announce(name, definition);
    executor.execute(
        () -> {
          if (!deleted) {
            policy.takeEffect(name, definition);
            dispatch();
          }
        });
  }

  /** The policy in force, or null. */
  public String policyName() {
    return policy.name();
  }

  /** The policy keys in force for this queue: the applied policy's definition, or empty. */
  public Map<String, Object> effectivePolicyDefinition() {
    return policy.definition();
  }

  private ReadyList readyList(PageWindow window, boolean pageNew) {
    return new ReadyList(
        settings.name(),
        store,
        window,
        executor,
        this::dispatch,
        ref -> disposal.settledPagedOut(ref),
        pageNew);
  }

  /** True when this queue's persistent messages go to the store. */
  public boolean isPersistent() {
    return store != null;
  }

  /**
   * A message left this queue for good (acked, rejected without requeue, delivered no-ack,
   * dropped): forgets it in the store. Thread-safe (the store queues the record); does not release.
   */
  public void settled(Message message) {
    disposal.settled(message);
  }

  /**
   * Puts messages recovered from the store at the tail, marked redelivered (they may have been
   * delivered before the restart: conservative, see the broker README). They stay on disk until
   * consumers get near them, each in its priority's place and with its expiry counted from its
   * enqueue time before the restart.
   */
  public void restore(RecoveredMessages messages) {
    executor.execute(
        () -> {
          intake.restore(messages);
          dispatch();
        });
  }

  /** The broker is stopping: releases the messages without recording anything in the store. */
  public void stop() {
    executor.execute(
        () -> {
          disposal.stopping();
          deleteNow();
        });
  }

  public String name() {
    return settings.name();
  }

  public QueueSettings settings() {
    return settings;
  }

  /** The number of ready messages, as last published by the queue's executor. */
  public int approximateReadyCount() {
    return readyCount;
  }

  /**
   * The body bytes of the ready messages in memory (not those paged out), as last published by the
   * queue's executor; the memory monitor sums it over all queues.
   */
  public long approximateReadyBytes() {
    return readyBytesPublished;
  }

  /** Enqueues a message; takes ownership of one reference to it. */
  public void enqueue(Message message) {
    executor.execute(() -> accept(message));
  }

  /**
   * True when this queue may refuse a message ({@code x-overflow} reject-publish or
   * reject-publish-dlx): publishers use {@link #offer} so that a refusal nacks the publish.
   */
  public boolean mayRefuse() {
    LengthLimit limit = policy.limit();
    return limit != null && limit.rejectsPublish();
  }

  /** As {@link #enqueue}; completes with false when the queue refused the message (full). */
  public CompletableFuture<Boolean> offer(Message message) {
    CompletableFuture<Boolean> accepted = new CompletableFuture<>();
    executor.execute(() -> accepted.complete(accept(message)));
    return accepted;
  }

  /** Takes ownership of {@code message}; false when the queue is full and refuses it. */
  private boolean accept(Message message) {
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

  /**
   * A consumer rejected or nacked {@code message} without requeue: dead-lettered if the queue has a
   * dead-letter exchange, then settled and released. Thread-safe; takes ownership.
   */
  public void rejected(Message message) {
    disposal.rejected(message);
  }

  /** The queue was used (declared, basic.get): x-expires counts from now. Any thread. */
  public void touch() {
    executor.execute(policy::used);
  }

  /** x-expires: unused for too long. */
  private void expired() {
    if (!deleted) {
      deleteNow();
      listener.onAutoDeleted(this);
    }
  }

  /**
   * Adds a consumer; {@code done} gets null or the error that refused it (403 when the queue or the
   * new consumer is exclusive, 404 when the queue is gone).
   */
  public void addConsumer(
      Consumer consumer, boolean exclusive, java.util.function.Consumer<AmqpException> done) {
    executor.execute(
        () -> {
          if (deleted) {
            done.accept(AmqpException.notFound("no " + settings.describe()));
          } else if (!consumers.add(consumer, exclusive)) {
            done.accept(AmqpException.accessRefused(settings.describe() + " in exclusive use"));
          } else {
            hadConsumer = true;
            done.accept(null);
            dispatch();
          }
        });
  }

  /** Removes a consumer (cancel or channel close); auto-deletes the queue after its last one. */
  public void removeConsumer(Consumer consumer) {
    executor.execute(
        () -> {
          if (!consumers.remove(consumer)) {
            return;
          }
          if (consumers.isEmpty()) {
            touch();
          }
          if (settings.autoDelete() && hadConsumer && consumers.isEmpty() && !deleted) {
            deleteNow();
            listener.onAutoDeleted(this);
          } else {
            dispatch();
          }
        });
  }

  /**
   * Puts unacked entries back at the head, marked redelivered, in their original order; takes
   * ownership of them.
   */
  public void requeue(List<QueueEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    executor.execute(
        () -> {
          if (deleted) {
            entries.forEach(disposal::drop);
            return;
          }
          intake.requeue(entries);
          dispatch();
        });
  }

  /**
   * Returns an entry a consumer could not take (its channel closed on the way) without marking it
   * redelivered; takes ownership.
   */
  public void bounce(QueueEntry entry) {
    executor.execute(
        () -> {
          if (deleted) {
            disposal.drop(entry);
            return;
          }
          intake.bounce(entry);
          dispatch();
        });
  }

  /** Asks for a dispatch pass: credit or writability came back. */
  public void kick() {
    dispatcher.kick();
  }

  /**
   * basic.get: {@code done} gets the head entry (ownership passes) or null, and the number of
   * messages left.
   */
  public void get(BiConsumer<QueueEntry, Integer> done) {
    executor.execute(
        () -> {
          if (!deleted) {
            dispatcher.get(done);
            return;
          }
          publishCount();
          done.accept(null, ready.size());
        });
  }

  /** queue.purge: drops the ready messages; {@code done} gets how many. */
  public void purge(LongConsumer done) {
    executor.execute(
        () -> {
          int count = ready.size();
          releaseReady();
          done.accept(count);
        });
  }

  /** The ready message count and the consumer count, for queue.declare-ok. */
  public void stats(BiConsumer<Integer, Integer> done) {
    executor.execute(() -> done.accept(ready.size(), consumers.size()));
  }

  /**
   * queue.delete: {@code done} gets the number of messages dropped, or an error (406) when
   * if-unused or if-empty does not hold. Consumers are cancelled.
   */
  public void delete(boolean ifUnused, boolean ifEmpty, QueueDeleteCallback done) {
    executor.execute(
        () -> {
          if (ifUnused && !consumers.isEmpty()) {
            done.completed(0, AmqpException.preconditionFailed(settings.describe() + " in use"));
          } else if (ifEmpty && !ready.isEmpty()) {
            done.completed(
                0, AmqpException.preconditionFailed(settings.describe() + " is not empty"));
          } else {
            int count = ready.size();
            deleteNow();
            done.completed(count, null);
          }
        });
  }

  /** Deletes the queue without conditions (exclusive owner gone, broker stopping). */
  public void forceDelete() {
    executor.execute(this::deleteNow);
  }

  /** The answer to {@link #delete}. */
  @FunctionalInterface
  public interface QueueDeleteCallback {
    /** {@code error} is null on success. */
    void completed(int messageCount, AmqpException error);
  }

  private void deleteNow() {
    if (deleted) {
      return;
    }
    deleted = true;
    headExpiry.cancel();
    policy.cancelExpiry();
    releaseReady();
    for (Consumer consumer : consumers.all()) {
      consumer.cancelledByQueue(this);
    }
    consumers.clear();
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
    readyCount = ready.size();
    readyBytesPublished = ready.residentBytes();
  }

  /** The queue's settings as a map, for equivalence checks and management. */
  public Map<String, Object> arguments() {
    return settings.arguments();
  }

  @Override
  public String toString() {
    return settings.describe();
  }
}
