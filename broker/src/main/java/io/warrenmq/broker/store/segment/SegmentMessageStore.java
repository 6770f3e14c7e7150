package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBufAllocator;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.StoreThread;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The message store on the segment log: callers (event loops, queue executors) hand tasks to the
 * {@link StoreThread}; appends complete after the group commit's fsync, on the store thread.
 *
 * <p>Ownership: an append retains the body while the task waits and releases it once the store
 * thread has copied it into its write buffer.
 */
public final class SegmentMessageStore implements MessageStore {
  private final StoreThread thread;
  private final SegmentLog log;

  public SegmentMessageStore(StoreThread thread, SegmentLog log) {
    this.thread = thread;
    this.log = log;
  }

  @Override
  public CompletionStage<Void> append(String vhost, List<String> queues, Message message) {
    CompletableFuture<Void> durable = new CompletableFuture<>();
    thread.submit(new Append(vhost, List.copyOf(queues), message.retain(), durable));
    return durable;
  }

  @Override
  public void remove(String vhost, String queue, StoreRef ref) {
    thread.submit(new Remove(new QueueKey(vhost, queue), ref));
  }

  /** An ack: bookkeeping and an ack-file write that no confirm waits for. */
  private final class Remove implements StoreThread.Task {
    private final QueueKey queue;
    private final StoreRef ref;

    Remove(QueueKey queue, StoreRef ref) {
      this.queue = queue;
      this.ref = ref;
    }

    @Override
    public void execute() throws IOException {
      log.ack(queue, ref);
    }

    @Override
    public boolean afterCompletions() {
      return true;
    }
  }

  @Override
  public boolean canPageOut() {
    return true;
  }

  /**
   * Reads on the store thread, queued behind the appends submitted before it (so the records of the
   * refs are written or in the write buffer); completes as soon as they are read, not after the
   * pass's fsync.
   */
  @Override
  public CompletionStage<List<Message>> read(List<StoreRef> refs) {
    CompletableFuture<List<Message>> done = new CompletableFuture<>();
    thread.submit(
        new StoreThread.Task() {
          @Override
          public void execute() throws IOException {
            List<Message> messages = new ArrayList<>(refs.size());
            try {
              for (StoreRef ref : refs) {
                messages.add(log.read(ref, ByteBufAllocator.DEFAULT));
              }
            } catch (IOException | RuntimeException e) {
              messages.stream().filter(Objects::nonNull).forEach(Message::release);
              throw e;
            }
            done.complete(messages);
          }

          @Override
          public void completed(Throwable error) {
            if (error != null) {
              done.completeExceptionally(error);
            }
          }
        });
    return done;
  }

  private final class Append implements StoreThread.Task {
    private final String vhost;
    private final List<String> queues;
    private final CompletableFuture<Void> durable;
    private final long enqueuedAt = System.currentTimeMillis(); // the publisher's moment
    private Message message;

    Append(String vhost, List<String> queues, Message message, CompletableFuture<Void> durable) {
      this.vhost = vhost;
      this.queues = queues;
      this.message = message;
      this.durable = durable;
    }

    @Override
    public void execute() throws IOException {
      try {
        log.append(vhost, queues, message, enqueuedAt);
      } finally {
        message.release();
        message = null;
      }
    }

    @Override
    public void completed(Throwable error) {
      if (message != null) {
        message.release(); // never executed (store closed)
        message = null;
      }
      if (error == null) {
        durable.complete(null);
      } else {
        durable.completeExceptionally(error);
      }
    }
  }
}
