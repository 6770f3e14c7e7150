package io.warrenmq.examples.tutorial2;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.OnMessageCallback;
import io.warrenmq.client.URLParameters;

/**
 * Tutorial 2, {@code worker.py}: takes one task at a time from {@code task_queue} (prefetch 1),
 * works a second per dot, then acks; Ctrl-C ends.
 */
public final class Worker {
  private Worker() {}

  /** Runs the program; no arguments. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.queueDeclare("task_queue", o -> o.durable(true));
    System.out.println(" [*] Waiting for messages. To exit press CTRL+C");

    OnMessageCallback callback =
        (ch, method, properties, body) -> {
          System.out.println(" [x] Received " + new String(body, UTF_8));
          Thread.sleep(1000 * new String(body, UTF_8).chars().filter(c -> c == '.').count());
          System.out.println(" [x] Done");
          ch.basicAck(method.deliveryTag());
        };

    channel.basicQos(1);
    channel.basicConsume("task_queue", callback);

    channel.startConsuming();
  }
}
