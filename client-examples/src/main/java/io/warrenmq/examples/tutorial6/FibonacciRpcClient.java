package io.warrenmq.examples.tutorial6;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.QueueDeclareResult;
import io.warrenmq.client.URLParameters;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import java.util.UUID;

/**
 * Tutorial 6, {@code rpc_client.py}: sends fib(30) to {@code rpc_queue} with a reply_to queue and a
 * correlation_id, and waits for the matching reply. (The client library's {@code RpcClient} does
 * the same in one line; this is the tutorial's hand-written version.)
 */
public final class FibonacciRpcClient {
  private final BlockingConnection connection;
  private final BlockingChannel channel;
  private final String callbackQueue;
  private String response;
  private String corrId;

  /** Connects to {@code AMQP_URL} and starts consuming replies from an exclusive queue. */
  public FibonacciRpcClient() {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    this.connection = new BlockingConnection(new URLParameters(url));

    this.channel = this.connection.channel();

    QueueDeclareResult result = this.channel.queueDeclare("", o -> o.exclusive(true));
    this.callbackQueue = result.method().queue();

    this.channel.basicConsume(this.callbackQueue, this::onResponse, o -> o.autoAck(true));

    this.response = null;
    this.corrId = null;
  }

  private void onResponse(
      BlockingChannel ch, Basic.Deliver method, BasicProperties props, byte[] body) {
    if (this.corrId.equals(props.correlationId())) {
      this.response = new String(body, UTF_8);
    }
  }

  /** Asks the server for fib(n) and waits for the answer. */
  public int call(int n) {
    this.response = null;
    this.corrId = UUID.randomUUID().toString();
    this.channel.basicPublish(
        "",
        "rpc_queue",
        String.valueOf(n),
        BasicProperties.builder().replyTo(this.callbackQueue).correlationId(this.corrId).build());
    while (this.response == null) {
      this.connection.processDataEvents(Double.POSITIVE_INFINITY);
    }
    return Integer.parseInt(this.response);
  }

  /** Runs the program; no arguments. */
  public static void main(String[] argv) {
    FibonacciRpcClient fibonacciRpc = new FibonacciRpcClient();

    System.out.println(" [x] Requesting fib(30)");
    int response = fibonacciRpc.call(30);
    System.out.println(" [.] Got " + response);
  }
}
