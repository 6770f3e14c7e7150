package io.warrenmq.broker.store;

import io.warrenmq.broker.queue.Message;
import java.util.concurrent.CompletionStage;

/**
 * Persistent messages on durable queues. A queue appends a persistent message before it counts as
 * enqueued and the channel confirms it only when {@link #append} completes; acks remove it. The
 * in-memory store completes at once. Implementations never block the caller: the segment store of
 * the durability issue completes from its own (group-commit) thread.
 */
public interface MessageStore {
  /** Records {@code message} for {@code queue}; completes with its store id once durable. */
  CompletionStage<Long> append(String vhost, String queue, Message message);

  /** Forgets a message (acked or dropped). */
  void remove(String vhost, String queue, long storeId);
}
