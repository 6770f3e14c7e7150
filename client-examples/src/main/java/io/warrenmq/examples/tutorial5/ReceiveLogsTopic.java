package io.warrenmq.examples.tutorial5;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.OnMessageCallback;
import io.warrenmq.client.QueueDeclareResult;
import io.warrenmq.client.URLParameters;

/**
 * Tutorial 5, {@code receive_logs_topic.py}: binds an exclusive queue to topic_logs once per
 * binding key given ({@code *} one word, {@code #} zero or more) and prints what arrives; Ctrl-C
 * ends.
 */
public final class ReceiveLogsTopic {
  private ReceiveLogsTopic() {}

  /** Runs the program: {@code [binding_key]...}, at least one. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.exchangeDeclare("topic_logs", "topic");

    QueueDeclareResult result = channel.queueDeclare("", o -> o.exclusive(true));
    String queueName = result.method().queue();

    String[] bindingKeys = argv;
    if (bindingKeys.length == 0) {
      System.err.printf("Usage: %s [binding_key]...%n", "receive_logs_topic");
      System.exit(1);
    }

    for (String bindingKey : bindingKeys) {
      channel.queueBind(queueName, "topic_logs", bindingKey);
    }

    System.out.println(" [*] Waiting for logs. To exit press CTRL+C");

    OnMessageCallback callback =
        (ch, method, properties, body) ->
            System.out.println(" [x] " + method.routingKey() + ":" + new String(body, UTF_8));

    channel.basicConsume(queueName, callback, o -> o.autoAck(true));

    channel.startConsuming();
  }
}
