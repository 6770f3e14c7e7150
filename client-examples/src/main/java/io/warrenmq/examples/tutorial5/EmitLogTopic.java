package io.warrenmq.examples.tutorial5;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;
import java.util.Arrays;

/**
 * Tutorial 5, {@code emit_log_topic.py}: publishes one message to the topic exchange topic_logs
 * with a dotted routing key such as {@code kern.critical}.
 */
public final class EmitLogTopic {
  private EmitLogTopic() {}

  /** Runs the program: {@code <routing.key> <message...>}; default {@code anonymous.info}. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.exchangeDeclare("topic_logs", "topic");

    String routingKey = argv.length > 1 ? argv[0] : "anonymous.info";
    String message =
        argv.length > 1
            ? String.join(" ", Arrays.copyOfRange(argv, 1, argv.length))
            : "Hello World!";
    channel.basicPublish("topic_logs", routingKey, message);
    System.out.println(" [x] Sent " + routingKey + ":" + message);
    connection.close();
  }
}
