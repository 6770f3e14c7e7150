package io.warrenmq.broker.store;

import io.warrenmq.broker.queue.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Stores nothing: transient messages only live in their queues. */
public final class InMemoryMessageStore implements MessageStore {
  private static final CompletionStage<Long> DONE = CompletableFuture.completedFuture(0L);

  @Override
  public CompletionStage<Long> append(String vhost, String queue, Message message) {
    return DONE;
  }

  @Override
  public void remove(String vhost, String queue, long storeId) {}
}
