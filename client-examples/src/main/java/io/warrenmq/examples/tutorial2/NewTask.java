package io.warrenmq.examples.tutorial2;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;
import io.warrenmq.model.generated.BasicProperties;

/**
 * Tutorial 2, {@code new_task.py}: puts one persistent task on the durable {@code task_queue}; each
 * dot in it is a second of work for a {@link Worker}.
 */
public final class NewTask {
  private NewTask() {}

  /** Runs the program; the arguments, joined with spaces, are the task (default "Hello World!"). */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.queueDeclare("task_queue", o -> o.durable(true));

    String message = argv.length > 0 ? String.join(" ", argv) : "Hello World!";
    channel.basicPublish(
        "",
        "task_queue",
        message,
        BasicProperties.builder()
            .deliveryMode(2) // make message persistent
            .build());
    System.out.println(" [x] Sent " + message);
    connection.close();
  }
}
