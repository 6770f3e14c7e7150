package io.warrenmq.broker.store;

import io.warrenmq.broker.queue.Message;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Persistent messages on durable queues. The publishing channel appends a persistent message once
 * for all the durable queues it was routed to, before it enqueues it, and confirms it only when
 * {@link #append} completes (after fsync); acks and drops {@link #remove} it per queue.
 *
 * <p>Implementations never block the caller (an event loop or a queue executor): the segment store
 * does its I/O on its own thread and completes from there; callers hop back to their own thread.
 */
public interface MessageStore {
  /**
   * Records {@code message} (which carries a {@link StoreRef}) for {@code queues} of {@code vhost};
   * completes once it is durable. Retains the body while it needs it; the caller keeps its
   * reference.
   */
  CompletionStage<Void> append(String vhost, List<String> queues, Message message);

  /** Forgets one queue's reference to a stored message (acked, rejected, purged or dropped). */
  void remove(String vhost, String queue, StoreRef ref);
}
