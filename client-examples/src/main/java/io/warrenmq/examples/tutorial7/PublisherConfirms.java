package io.warrenmq.examples.tutorial7;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Tutorial 7, publisher confirms: publishes {@code MESSAGE_COUNT} messages three ways (waiting for
 * each confirm, waiting per batch of 100, handling confirms as they come) and prints how long each
 * took. pika has no version of this tutorial (its BlockingChannel waits for every confirm); this
 * follows the official Java tutorial, {@code PublisherConfirms.java}, statement by statement.
 */
public final class PublisherConfirms {
  static final int MESSAGE_COUNT = 50_000;

  private PublisherConfirms() {}

  static BlockingConnection createConnection() {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F");
    return new BlockingConnection(new URLParameters(url));
  }

  /** Runs the program: {@code [message_count]} (default 50,000; not in the original). */
  public static void main(String[] argv) throws Exception {
    int messageCount = argv.length > 0 ? Integer.parseInt(argv[0]) : MESSAGE_COUNT;
    publishMessagesIndividually(messageCount);
    publishMessagesInBatch(messageCount);
    handlePublishConfirmsAsynchronously(messageCount);
  }

  static void publishMessagesIndividually(int messageCount) {
    try (BlockingConnection connection = createConnection()) {
      BlockingChannel ch = connection.channel();

      String queue = UUID.randomUUID().toString();
      ch.queueDeclare(queue, o -> o.exclusive(true)); // deleted with the connection
      ch.confirmDelivery();
      long start = System.nanoTime();
      for (int i = 0; i < messageCount; i++) {
        String body = String.valueOf(i);
        ch.basicPublish("", queue, body); // returns once confirmed; NackError if nack-ed
      }
      long end = System.nanoTime();
      System.out.format(
          "Published %,d messages individually in %,d ms%n",
          messageCount, Duration.ofNanos(end - start).toMillis());
    }
  }

  static void publishMessagesInBatch(int messageCount) throws Exception {
    try (BlockingConnection connection = createConnection();
        ConfirmPipeline ch = new ConfirmPipeline(connection, 16)) {
      String queue = UUID.randomUUID().toString();
      connection.channel().queueDeclare(queue, o -> o.exclusive(true));

      int batchSize = 100;
      List<CompletableFuture<Void>> outstandingMessages = new ArrayList<>();

      long start = System.nanoTime();
      for (int i = 0; i < messageCount; i++) {
        String body = String.valueOf(i);
        outstandingMessages.add(ch.publish("", queue, body));
        if (outstandingMessages.size() == batchSize) {
          waitForConfirmsOrDie(outstandingMessages, 5_000);
          outstandingMessages.clear();
        }
      }

      if (!outstandingMessages.isEmpty()) {
        waitForConfirmsOrDie(outstandingMessages, 5_000);
      }
      long end = System.nanoTime();
      System.out.format(
          "Published %,d messages in batch in %,d ms%n",
          messageCount, Duration.ofNanos(end - start).toMillis());
    }
  }

  static void handlePublishConfirmsAsynchronously(int messageCount) throws Exception {
    try (BlockingConnection connection = createConnection();
        ConfirmPipeline ch = new ConfirmPipeline(connection, 16)) {
      String queue = UUID.randomUUID().toString();
      connection.channel().queueDeclare(queue, o -> o.exclusive(true));

      ConcurrentNavigableMap<Long, String> outstandingConfirms = new ConcurrentSkipListMap<>();

      long start = System.nanoTime();
      for (int i = 0; i < messageCount; i++) {
        String body = String.valueOf(i);
        long sequenceNumber = i + 1;
        outstandingConfirms.put(sequenceNumber, body);
        ch.publish("", queue, body)
            .whenComplete(
                (confirmed, nack) -> {
                  if (nack != null) {
                    System.err.format(
                        "Message with body %s has been nack-ed. Sequence number: %d%n",
                        body, sequenceNumber);
                  }
                  outstandingConfirms.remove(sequenceNumber);
                });
      }

      if (!waitUntil(Duration.ofSeconds(60), outstandingConfirms::isEmpty)) {
        throw new IllegalStateException("All messages could not be confirmed in 60 seconds");
      }

      long end = System.nanoTime();
      System.out.format(
          "Published %,d messages and handled confirms asynchronously in %,d ms%n",
          messageCount, Duration.ofNanos(end - start).toMillis());
    }
  }

  /** The official client's {@code channel.waitForConfirmsOrDie(timeout)}, for one batch. */
  static void waitForConfirmsOrDie(List<CompletableFuture<Void>> batch, long timeoutMillis)
      throws Exception {
    CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new))
        .get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  static boolean waitUntil(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    int waited = 0;
    while (!condition.getAsBoolean() && waited < timeout.toMillis()) {
      Thread.sleep(100L);
      waited += 100;
    }
    return condition.getAsBoolean();
  }
}
