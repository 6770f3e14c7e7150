package io.warrenmq.examples.tutorial4;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.OnMessageCallback;
import io.warrenmq.client.QueueDeclareResult;
import io.warrenmq.client.URLParameters;

/**
 * Tutorial 4, {@code receive_logs_direct.py}: binds an exclusive queue to direct_logs once per
 * severity given and prints what arrives; Ctrl-C ends.
 */
public final class ReceiveLogsDirect {
  private ReceiveLogsDirect() {}

  /** Runs the program: {@code [info] [warning] [error]}, at least one. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.exchangeDeclare("direct_logs", "direct");

    QueueDeclareResult result = channel.queueDeclare("", o -> o.exclusive(true));
    String queueName = result.method().queue();

    String[] severities = argv;
    if (severities.length == 0) {
      System.err.printf("Usage: %s [info] [warning] [error]%n", "receive_logs_direct");
      System.exit(1);
    }

    for (String severity : severities) {
      channel.queueBind(queueName, "direct_logs", severity);
    }

    System.out.println(" [*] Waiting for logs. To exit press CTRL+C");

    OnMessageCallback callback =
        (ch, method, properties, body) ->
            System.out.println(" [x] " + method.routingKey() + ":" + new String(body, UTF_8));

    channel.basicConsume(queueName, callback, o -> o.autoAck(true));

    channel.startConsuming();
  }
}
