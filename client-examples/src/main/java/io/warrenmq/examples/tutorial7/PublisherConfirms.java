package io.warrenmq.examples.tutorial7;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.OnConfirmCallback;
import io.warrenmq.client.URLParameters;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
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

      ch.confirmDelivery(o -> o.waitForEach(false));
      long start = System.nanoTime();
      for (int i = 0; i < messageCount; i++) {
        String body = String.valueOf(i);
        ch.basicPublish("", queue, body);
        ch.waitForConfirmsOrDie(5);
      }
      long end = System.nanoTime();
      System.out.format(
          "Published %,d messages individually in %,d ms%n",
          messageCount, Duration.ofNanos(end - start).toMillis());
    }
  }

  static void publishMessagesInBatch(int messageCount) {
    try (BlockingConnection connection = createConnection()) {
      BlockingChannel ch = connection.channel();

      String queue = UUID.randomUUID().toString();
      ch.queueDeclare(queue, o -> o.exclusive(true));

      ch.confirmDelivery(o -> o.waitForEach(false));

      int batchSize = 100;
      int outstandingMessageCount = 0;

      long start = System.nanoTime();
      for (int i = 0; i < messageCount; i++) {
        String body = String.valueOf(i);
        ch.basicPublish("", queue, body);
        outstandingMessageCount++;

        if (outstandingMessageCount == batchSize) {
          ch.waitForConfirmsOrDie(5);
          outstandingMessageCount = 0;
        }
      }

      if (outstandingMessageCount > 0) {
        ch.waitForConfirmsOrDie(5);
      }
      long end = System.nanoTime();
      System.out.format(
          "Published %,d messages in batch in %,d ms%n",
          messageCount, Duration.ofNanos(end - start).toMillis());
    }
  }

  static void handlePublishConfirmsAsynchronously(int messageCount) {
    try (BlockingConnection connection = createConnection()) {
      BlockingChannel ch = connection.channel();

      String queue = UUID.randomUUID().toString();
      ch.queueDeclare(queue, o -> o.exclusive(true));

      ch.confirmDelivery(o -> o.waitForEach(false));

      ConcurrentNavigableMap<Long, String> outstandingConfirms = new ConcurrentSkipListMap<>();

      OnConfirmCallback cleanOutstandingConfirms =
          (sequenceNumber, multiple, ack) -> {
            if (!ack) {
              String body = outstandingConfirms.get(sequenceNumber);
              System.err.format(
                  "Message with body %s has been nack-ed. Sequence number: %d, multiple: %b%n",
                  body, sequenceNumber, multiple);
            }
            if (multiple) {
              ConcurrentNavigableMap<Long, String> confirmed =
                  outstandingConfirms.headMap(sequenceNumber, true);
              confirmed.clear();
            } else {
              outstandingConfirms.remove(sequenceNumber);
            }
          };

      ch.addOnConfirmCallback(cleanOutstandingConfirms);

      long start = System.nanoTime();
      for (int i = 0; i < messageCount; i++) {
        String body = String.valueOf(i);
        outstandingConfirms.put(ch.nextPublishSeqNo(), body);
        ch.basicPublish("", queue, body);
      }

      if (!waitUntil(connection, Duration.ofSeconds(60), outstandingConfirms::isEmpty)) {
        throw new IllegalStateException("All messages could not be confirmed in 60 seconds");
      }

      long end = System.nanoTime();
      System.out.format(
          "Published %,d messages and handled confirms asynchronously in %,d ms%n",
          messageCount, Duration.ofNanos(end - start).toMillis());
    }
  }

  /** Waits for {@code condition}; callbacks run meanwhile, in {@code connection.sleep}. */
  static boolean waitUntil(
      BlockingConnection connection, Duration timeout, BooleanSupplier condition) {
    int waited = 0;
    while (!condition.getAsBoolean() && waited < timeout.toMillis()) {
      connection.sleep(0.1);
      waited += 100;
    }
    return condition.getAsBoolean();
  }
}
