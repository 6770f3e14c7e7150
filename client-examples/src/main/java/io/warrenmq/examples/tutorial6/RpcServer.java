package io.warrenmq.examples.tutorial6;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.OnMessageCallback;
import io.warrenmq.client.URLParameters;
import io.warrenmq.model.generated.BasicProperties;

/**
 * Tutorial 6, {@code rpc_server.py}: answers fib(n) requests from {@code rpc_queue} to each
 * request's reply_to queue with its correlation_id, one request at a time; Ctrl-C ends.
 */
public final class RpcServer {
  private RpcServer() {}

  /** Runs the program; no arguments. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    BlockingConnection connection = new BlockingConnection(new URLParameters(url));

    BlockingChannel channel = connection.channel();

    channel.queueDeclare("rpc_queue");

    OnMessageCallback onRequest =
        (ch, method, props, body) -> {
          int n = Integer.parseInt(new String(body, UTF_8));

          System.out.println(" [.] fib(" + n + ")");
          int response = fib(n);

          ch.basicPublish(
              "",
              props.replyTo(),
              String.valueOf(response),
              BasicProperties.builder().correlationId(props.correlationId()).build());
          ch.basicAck(method.deliveryTag());
        };

    channel.basicQos(1);
    channel.basicConsume("rpc_queue", onRequest);

    System.out.println(" [x] Awaiting RPC requests");
    channel.startConsuming();
  }

  /** The n-th Fibonacci number, computed the slow way on purpose. */
  static int fib(int n) {
    if (n == 0) {
      return 0;
    } else if (n == 1) {
      return 1;
    } else {
      return fib(n - 1) + fib(n - 2);
    }
  }
}
