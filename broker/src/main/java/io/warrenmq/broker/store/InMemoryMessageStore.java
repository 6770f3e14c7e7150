package io.warrenmq.broker.store;

import io.warrenmq.broker.queue.Message;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Stores nothing: for brokers without a data directory, where messages only live in queues. */
public final class InMemoryMessageStore implements MessageStore {
  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  @Override
  public CompletionStage<Void> append(String vhost, List<String> queues, Message message) {
    return DONE;
  }

  @Override
  public void remove(String vhost, String queue, StoreRef ref) {}

  /** Keeps nothing, so a queue never pages out to it. */
  @Override
  public boolean canPageOut() {
    return false;
  }

  /** Nothing was kept: every record is gone. */
  @Override
  public CompletionStage<List<Message>> read(List<StoreRef> refs) {
    return CompletableFuture.completedFuture(Arrays.asList(new Message[refs.size()]));
  }
}
