package io.warrenmq.examples.tutorial3;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;

/** Tutorial 3, {@code emit_log.py}: broadcasts one message through the fanout exchange logs. */
public final class EmitLog {
  private EmitLog() {}

  /** Runs the program; the arguments, joined, are the message (default "info: Hello World!"). */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.exchangeDeclare("logs", "fanout");

    String message = argv.length > 0 ? String.join(" ", argv) : "info: Hello World!";
    channel.basicPublish("logs", "", message);
    System.out.println(" [x] Sent " + message);
    connection.close();
  }
}
