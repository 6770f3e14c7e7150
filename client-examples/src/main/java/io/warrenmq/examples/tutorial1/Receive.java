package io.warrenmq.examples.tutorial1;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.OnMessageCallback;
import io.warrenmq.client.URLParameters;

/** Tutorial 1, {@code receive.py}: prints every message of the queue {@code hello}; Ctrl-C ends. */
public final class Receive {
  private Receive() {}

  /** Runs the program; no arguments. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.queueDeclare("hello");

    OnMessageCallback callback =
        (ch, method, properties, body) ->
            System.out.println(" [x] Received " + new String(body, UTF_8));

    channel.basicConsume("hello", callback, o -> o.autoAck(true));

    System.out.println(" [*] Waiting for messages. To exit press CTRL+C");
    channel.startConsuming();
  }
}
