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

  /**
   * True when {@link #read} can bring back a stored message, so a queue may keep only its {@link
   * StoreRef} in memory (page the message out) and read it back when consumers get near it.
   */
  boolean canPageOut();

  /**
   * Reads back the messages at {@code refs} (a queue paging in), in order, each a new {@link
   * Message} with one reference on the same ref; an element is null when its record is gone or
   * damaged (never stored: its append failed). Completes on the store's thread; fails as a whole on
   * an I/O error, which may pass (the caller retries).
   */
  CompletionStage<List<Message>> read(List<StoreRef> refs);
}
