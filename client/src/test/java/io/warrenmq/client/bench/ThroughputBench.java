package io.warrenmq.client.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Side-by-side throughput of this client and the official RabbitMQ Java client against the same
 * broker, in the same JVM: 1 producer / 1 consumer with 12-byte messages, and publishing with a
 * synchronous confirm per message. Run with {@code client/bench.sh}; arguments: messages, confirmed
 * messages, rounds. A discarded warm-up round comes first, the clients alternate which goes first,
 * and the median of the rounds is logged at the end.
 */
public final class ThroughputBench {
  private static final Logger log = LoggerFactory.getLogger(ThroughputBench.class);
  private static final byte[] BODY = "hello world!".getBytes(); // 12 bytes

  private ThroughputBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F");
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int confirmed = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url);
    // One discarded round warms both clients' JITs (C2 takes most of the CPU for the first ~20 000
    // confirmed publishes on a two-core box), so the measured rounds compare steady states.
    warrenPubSub(url, Math.min(messages, 50_000));
    officialPubSub(factory, Math.min(messages, 50_000));
    warrenConfirm(url, confirmed);
    officialConfirm(factory, confirmed);
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      // Alternate which client goes first, so neither always runs on a warmer (or busier) box.
      boolean warrenFirst = round % 2 == 1;
      for (int i = 0; i < 2; i++) {
        if (warrenFirst == (i == 0)) {
          report(rates, round, "warrenmq pub+con", messages, warrenPubSub(url, messages));
        } else {
          report(rates, round, "official pub+con", messages, officialPubSub(factory, messages));
        }
      }
      for (int i = 0; i < 2; i++) {
        if (warrenFirst == (i == 0)) {
          report(rates, round, "warrenmq confirm", confirmed, warrenConfirm(url, confirmed));
        } else {
          report(rates, round, "official confirm", confirmed, officialConfirm(factory, confirmed));
        }
      }
    }
    rates.forEach(
        (name, list) -> {
          List<Double> sorted = new ArrayList<>(list);
          Collections.sort(sorted);
          log.info(
              "median of {} rounds {}: {} msg/s",
              sorted.size(),
              name,
              String.format("%,d", Math.round(sorted.get(sorted.size() / 2))));
        });
  }

  private static void report(
      Map<String, List<Double>> rates, int round, String name, int count, long nanos) {
    rates.computeIfAbsent(name, n -> new ArrayList<>()).add(count / (nanos / 1e9));
    log.info(
        "round {} {}: {} msgs in {} ms = {} msg/s",
        round,
        name,
        count,
        nanos / 1_000_000,
        String.format("%,d", (long) (count / (nanos / 1e9))));
  }

  private static long warrenPubSub(String url, int count) throws Exception {
    String queue = "bench-" + UUID.randomUUID();
    try (BlockingConnection producer = new BlockingConnection(new URLParameters(url));
        BlockingConnection consumer = new BlockingConnection(new URLParameters(url))) {
      BlockingChannel pub = producer.channel();
      BlockingChannel sub = consumer.channel();
      sub.queueDeclare(queue, o -> o.autoDelete(true));
      AtomicInteger received = new AtomicInteger();
      sub.basicConsume(
          queue,
          (ch, method, props, body) -> {
            if (received.incrementAndGet() == count) {
              ch.stopConsuming();
            }
          },
          o -> o.autoAck(true));
      Thread consumerThread = new Thread(sub::startConsuming, "warren-consumer");
      long start = System.nanoTime();
      consumerThread.start();
      for (int i = 0; i < count; i++) {
        pub.basicPublish("", queue, BODY);
      }
      consumerThread.join();
      return System.nanoTime() - start;
    }
  }

  private static long officialPubSub(ConnectionFactory factory, int count) throws Exception {
    String queue = "bench-" + UUID.randomUUID();
    try (Connection producer = factory.newConnection();
        Connection consumer = factory.newConnection()) {
      Channel pub = producer.createChannel();
      Channel sub = consumer.createChannel();
      sub.queueDeclare(queue, false, false, true, null);
      CountDownLatch done = new CountDownLatch(1);
      AtomicInteger received = new AtomicInteger();
      sub.basicConsume(
          queue,
          true,
          new DefaultConsumer(sub) {
            @Override
            public void handleDelivery(
                String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
              if (received.incrementAndGet() == count) {
                done.countDown();
              }
            }
          });
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        pub.basicPublish("", queue, null, BODY);
      }
      done.await(5, TimeUnit.MINUTES);
      return System.nanoTime() - start;
    }
  }

  private static long warrenConfirm(String url, int count) {
    String queue = "bench-" + UUID.randomUUID();
    try (BlockingConnection connection = new BlockingConnection(new URLParameters(url))) {
      BlockingChannel channel = connection.channel();
      channel.queueDeclare(queue, o -> o.autoDelete(false));
      channel.confirmDelivery();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        channel.basicPublish("", queue, BODY);
      }
      long elapsed = System.nanoTime() - start;
      channel.queueDelete(queue);
      return elapsed;
    }
  }

  private static long officialConfirm(ConnectionFactory factory, int count) throws Exception {
    String queue = "bench-" + UUID.randomUUID();
    try (Connection connection = factory.newConnection()) {
      Channel channel = connection.createChannel();
      channel.queueDeclare(queue, false, false, false, null);
      channel.confirmSelect();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        channel.basicPublish("", queue, null, BODY);
        channel.waitForConfirmsOrDie(60_000);
      }
      long elapsed = System.nanoTime() - start;
      channel.queueDelete(queue);
      return elapsed;
    }
  }
}
