package io.warrenmq.examples.tutorial3;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.OnMessageCallback;
import io.warrenmq.client.QueueDeclareResult;
import io.warrenmq.client.URLParameters;

/**
 * Tutorial 3, {@code receive_logs.py}: binds an exclusive, server-named queue to the fanout
 * exchange logs and prints every message; Ctrl-C ends.
 */
public final class ReceiveLogs {
  private ReceiveLogs() {}

  /** Runs the program; no arguments. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.exchangeDeclare("logs", "fanout");

    QueueDeclareResult result = channel.queueDeclare("", o -> o.exclusive(true));
    String queueName = result.method().queue();

    channel.queueBind(queueName, "logs");

    System.out.println(" [*] Waiting for logs. To exit press CTRL+C");

    OnMessageCallback callback =
        (ch, method, properties, body) -> System.out.println(" [x] " + new String(body, UTF_8));

    channel.basicConsume(queueName, callback, o -> o.autoAck(true));

    channel.startConsuming();
  }
}
