package io.warrenmq.examples.tutorial1;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;

/** Tutorial 1, {@code send.py}: puts "Hello World!" on the queue {@code hello}. */
public final class Send {
  private Send() {}

  /** Runs the program; no arguments. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.queueDeclare("hello");

    channel.basicPublish("", "hello", "Hello World!");
    System.out.println(" [x] Sent 'Hello World!'");
    connection.close();
  }
}
