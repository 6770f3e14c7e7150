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
 * queue's executor (chosen once, at creation), where {@link QueueCore} holds the queue's state and
 * touches it only there, so it needs no locks and operations from one caller run in the order they
 * were submitted (spec 4.7: a publisher's messages keep their order). Callbacks run on the queue's
 * executor; callers hop back to their own thread. This class is the actor's address: it hops and
 * delegates, nothing more.
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
 * without arguments pays only a null check or two per message for them. A policy changes them while
 * the queue runs ({@link QueuePolicy}). Messages enter through {@link Intake} and leave the head
 * through the {@link Dispatcher}, to basic.gets and consumers.
 */
public final class MessageQueue {
  private final QueueSettings settings;
  private final EventExecutor executor;
  private final MessageStore store;
  private final QueueCore core;

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
    this.executor = executor;
    this.store = store;
    this.core = new QueueCore(this, settings, executor, listener, store, window);
    touch();
  }

  /**
   * Puts the policy {@code name} with {@code definition} (already validated; null name: none) in
   * force, composed with the queue's own arguments ({@link QueueArguments#of(QueueSettings, Map)}).
   * Takes effect at once, as RabbitMQ (see {@link QueuePolicy}).
   */
  public void applyPolicy(String name, Map<String, Object> definition) {
    core.announcePolicy(name, definition);
    executor.execute(() -> core.applyPolicy(name, definition));
  }

  /** The policy in force, or null. */
  public String policyName() {
    return core.policyName();
  }

  /** The policy keys in force for this queue: the applied policy's definition, or empty. */
  public Map<String, Object> effectivePolicyDefinition() {
    return core.policyDefinition();
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
    core.settled(message);
  }

  /**
   * Puts messages recovered from the store at the tail, marked redelivered (they may have been
   * delivered before the restart: conservative, see the broker README). They stay on disk until
   * consumers get near them, each in its priority's place and with its expiry counted from its
   * enqueue time before the restart.
   */
  public void restore(RecoveredMessages messages) {
    executor.execute(() -> core.restore(messages));
  }

  /** The broker is stopping: releases the messages without recording anything in the store. */
  public void stop() {
    executor.execute(core::stop);
  }

  public String name() {
    return settings.name();
  }

  public QueueSettings settings() {
    return settings;
  }

  /** The number of ready messages, as last published by the queue's executor. */
  public int approximateReadyCount() {
    return core.readyCount();
  }

  /**
   * The body bytes of the ready messages in memory (not those paged out), as last published by the
   * queue's executor; the memory monitor sums it over all queues.
   */
  public long approximateReadyBytes() {
    return core.readyBytes();
  }

  /**
   * True while the queue's consumers are far behind (see {@link Backlog}): a connection that just
   * published to it should stop reading until {@link #awaitDrain} tells it otherwise. Any thread; a
   * volatile read, cheap enough for every routed message.
   */
  public boolean isOverloaded() {
    return core.isOverloaded();
  }

  /**
   * {@code listener} is told (on the queue's executor) once this queue has drained, lost its
   * consumers or been deleted; at once if it is not overloaded by the time this runs. Any thread.
   */
  public void awaitDrain(DrainListener listener) {
    executor.execute(() -> core.awaitDrain(listener));
  }

  /** {@code listener} no longer waits for {@link #awaitDrain} (its connection closed). */
  public void cancelDrainWait(DrainListener listener) {
    executor.execute(() -> core.cancelDrainWait(listener));
  }

  /** Enqueues a message; takes ownership of one reference to it. */
  public void enqueue(Message message) {
    executor.execute(() -> core.accept(message));
  }

  /**
   * True when this queue may refuse a message ({@code x-overflow} reject-publish or
   * reject-publish-dlx): publishers use {@link #offer} so that a refusal nacks the publish.
   */
  public boolean mayRefuse() {
    return core.mayRefuse();
  }

  /** As {@link #enqueue}; completes with false when the queue refused the message (full). */
  public CompletableFuture<Boolean> offer(Message message) {
    CompletableFuture<Boolean> accepted = new CompletableFuture<>();
    executor.execute(() -> accepted.complete(core.accept(message)));
    return accepted;
  }

  /**
   * A consumer rejected or nacked {@code message} without requeue: dead-lettered if the queue has a
   * dead-letter exchange, then settled and released. Thread-safe; takes ownership.
   */
  public void rejected(Message message) {
    core.rejected(message);
  }

  /** The queue was used (declared, basic.get): x-expires counts from now. Any thread. */
  public void touch() {
    executor.execute(core::touch);
  }

  /**
   * Adds a consumer; {@code done} gets null or the error that refused it (403 when the queue or the
   * new consumer is exclusive, 404 when the queue is gone).
   */
  public void addConsumer(
      Consumer consumer, boolean exclusive, java.util.function.Consumer<AmqpException> done) {
    executor.execute(() -> core.addConsumer(consumer, exclusive, done));
  }

  /** Removes a consumer (cancel or channel close); auto-deletes the queue after its last one. */
  public void removeConsumer(Consumer consumer) {
    executor.execute(() -> core.removeConsumer(consumer));
  }

  /**
   * As {@link #removeConsumer(Consumer)}, then runs {@code done} on the queue's executor: an
   * auto-delete queue losing its last consumer is gone by then.
   */
  public void removeConsumer(Consumer consumer, Runnable done) {
    executor.execute(
        () -> {
          core.removeConsumer(consumer);
          done.run();
        });
  }

  /**
   * Puts unacked entries back at the head, marked redelivered, in their original order; takes
   * ownership of them.
   */
  public void requeue(List<QueueEntry> entries) {
    if (!entries.isEmpty()) {
      executor.execute(() -> core.requeue(entries));
    }
  }

  /**
   * Returns an entry a consumer could not take (its channel closed on the way) without marking it
   * redelivered; takes ownership.
   */
  public void bounce(QueueEntry entry) {
    executor.execute(() -> core.bounce(entry));
  }

  /** Asks for a dispatch pass: credit or writability came back. */
  public void kick() {
    core.kick();
  }

  /**
   * basic.get: {@code done} gets the head entry (ownership passes) or null, and the number of
   * messages left.
   */
  public void get(BiConsumer<QueueEntry, Integer> done) {
    executor.execute(() -> core.get(done));
  }

  /** queue.purge: drops the ready messages; {@code done} gets how many. */
  public void purge(LongConsumer done) {
    executor.execute(() -> core.purge(done));
  }

  /** The ready message count and the consumer count, for queue.declare-ok. */
  public void stats(BiConsumer<Integer, Integer> done) {
    executor.execute(() -> core.stats(done));
  }

  /**
   * queue.delete: {@code done} gets the number of messages dropped, or an error (406) when
   * if-unused or if-empty does not hold. Consumers are cancelled.
   */
  public void delete(boolean ifUnused, boolean ifEmpty, QueueDeleteCallback done) {
    executor.execute(() -> core.delete(ifUnused, ifEmpty, done));
  }

  /** Deletes the queue without conditions (exclusive owner gone, broker stopping). */
  public void forceDelete() {
    executor.execute(core::deleteNow);
  }

  /** The answer to {@link #delete}. */
  @FunctionalInterface
  public interface QueueDeleteCallback {
    /** {@code error} is null on success. */
    void completed(int messageCount, AmqpException error);
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
