package io.warrenmq.examples.tutorial4;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;
import java.util.Arrays;

/**
 * Tutorial 4, {@code emit_log_direct.py}: publishes one message to the direct exchange direct_logs
 * with its severity as routing key.
 */
public final class EmitLogDirect {
  private EmitLogDirect() {}

  /** Runs the program: {@code [severity] [message...]}, default {@code info Hello World!}. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));
    BlockingChannel channel = connection.channel();

    channel.exchangeDeclare("direct_logs", "direct");

    String severity = argv.length > 0 ? argv[0] : "info";
    String message =
        argv.length > 1
            ? String.join(" ", Arrays.copyOfRange(argv, 1, argv.length))
            : "Hello World!";
    channel.basicPublish("direct_logs", severity, message);
    System.out.println(" [x] Sent " + severity + ":" + message);
    connection.close();
  }
}
