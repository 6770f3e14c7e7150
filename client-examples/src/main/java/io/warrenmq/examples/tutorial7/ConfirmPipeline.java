package io.warrenmq.examples.tutorial7;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Several confirms in flight with today's client: in confirm mode {@link
 * BlockingChannel#basicPublish} waits for its own ack (pika's blocking model), so this spreads
 * publishes over {@code width} confirm-mode channels of one connection, each driven by its own
 * thread, and reports each confirm as a future. It stands in for the batch and asynchronous confirm
 * API the client does not have yet ({@code waitForConfirms}, an on-confirm callback).
 */
final class ConfirmPipeline implements AutoCloseable {
  private final BlockingConnection connection;
  private final ExecutorService publishers;
  private final List<BlockingChannel> channels = new CopyOnWriteArrayList<>();
  private final ThreadLocal<BlockingChannel> channel;

  ConfirmPipeline(BlockingConnection connection, int width) {
    this.connection = connection;
    this.publishers = Executors.newFixedThreadPool(width, this::daemon);
    this.channel = ThreadLocal.withInitial(this::openConfirmChannel);
  }

  /** Publishes on one of the channels; the future completes when the broker confirms. */
  CompletableFuture<Void> publish(String exchange, String routingKey, String body) {
    return CompletableFuture.runAsync(
        () -> channel.get().basicPublish(exchange, routingKey, body), publishers);
  }

  private BlockingChannel openConfirmChannel() {
    BlockingChannel ch = connection.channel();
    ch.confirmDelivery();
    channels.add(ch);
    return ch;
  }

  private Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "confirm-publisher");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    publishers.shutdown();
    try {
      publishers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    channels.forEach(BlockingChannel::close);
  }
}
