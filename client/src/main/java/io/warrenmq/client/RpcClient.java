package io.warrenmq.client;

import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request/reply pattern of the tutorials' {@code FibonacciRpcClient}, done once: a reply queue
 * ({@code amq.rabbitmq.reply-to} when the broker offers direct reply-to, else an exclusive
 * server-named queue), a correlation id per call, and replies matched back to their calls; late or
 * foreign replies are ignored.
 *
 * <pre>{@code
 * RpcClient fibonacci = new RpcClient(channel, "rpc_queue");
 * String response = fibonacci.call("30");
 * }</pre>
 *
 * <p>Several calls may be in flight, from {@link #callAsync} or from several threads calling {@link
 * #call}: while a caller waits it runs the connection's events, so replies reach every waiting
 * caller. The futures of {@code callAsync} complete on whichever thread runs the events.
 */
public final class RpcClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RpcClient.class);
  private static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";
  private static final double SLICE_SECONDS = 0.05;

  private final BlockingChannel channel;
  private final String exchange;
  private final String routingKey;
  private final String replyQueue;
  private final String consumerTag;
  private final ConcurrentHashMap<String, CompletableFuture<byte[]>> pending =
      new ConcurrentHashMap<>();

  /** A client sending requests to queue {@code routingKey} through the default exchange. */
  public RpcClient(BlockingChannel channel, String routingKey) {
    this(channel, "", routingKey);
  }

  /** A client sending requests through {@code exchange} with {@code routingKey}. */
  public RpcClient(BlockingChannel channel, String exchange, String routingKey) {
    this.channel = channel;
    this.exchange = exchange;
    this.routingKey = routingKey;
    this.replyQueue =
        channel.connection().hasCapability("direct_reply_to")
            ? DIRECT_REPLY_TO
            : channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    this.consumerTag =
        channel.basicConsume(
            replyQueue, (ch, method, props, body) -> onReply(props, body), o -> o.autoAck(true));
  }

  /** The queue replies come back on. */
  public String replyQueue() {
    return replyQueue;
  }

  private void onReply(BasicProperties properties, byte[] body) {
    String id = properties.correlationId();
    CompletableFuture<byte[]> call = id == null ? null : pending.remove(id);
    if (call == null) {
      log.debug("ignoring reply with unknown or late correlation id {}", id);
      return;
    }
    call.complete(body);
  }

  /** Sends {@code request} and returns a future of the reply body; the call stays in flight. */
  public CompletableFuture<byte[]> callAsync(byte[] request) {
    String id = UUID.randomUUID().toString();
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      channel.basicPublish(
          exchange,
          routingKey,
          request,
          BasicProperties.builder().replyTo(replyQueue).correlationId(id).build());
    } catch (RuntimeException e) {
      pending.remove(id);
      throw e;
    }
    reply.whenComplete((body, e) -> pending.remove(id));
    return reply;
  }

  /** Sends {@code request} (UTF-8) and waits for the reply (UTF-8). */
  public String call(String request) {
    return new String(call(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** Sends {@code request} and waits for the reply, for as long as it takes. */
  public byte[] call(byte[] request) {
    return call(request, Double.POSITIVE_INFINITY);
  }

  /**
   * Sends {@code request} and waits up to {@code timeoutSeconds} for the reply.
   *
   * @throws RpcTimeoutError when no reply came in time; a later reply is ignored
   */
  public byte[] call(byte[] request, double timeoutSeconds) {
    return await(callAsync(request), timeoutSeconds);
  }

  /**
   * Waits for a reply of {@link #callAsync}, running the connection's events meanwhile.
   *
   * @throws RpcTimeoutError when no reply came in time
   */
  public byte[] await(CompletableFuture<byte[]> reply, double timeoutSeconds) {
    long deadline =
        Double.isInfinite(timeoutSeconds)
            ? Long.MAX_VALUE
            : System.nanoTime() + (long) (timeoutSeconds * 1e9);
    while (!reply.isDone()) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        reply.cancel(false);
        throw new RpcTimeoutError("no reply within " + timeoutSeconds + " s");
      }
      // Short slices so that several waiting threads take turns running events.
      channel.connection().processDataEvents(Math.min(SLICE_SECONDS, remaining / 1e9));
    }
    return reply.join();
  }

  /** The number of calls still waiting for their reply. */
  public int inFlight() {
    return pending.size();
  }

  /** Stops consuming replies; calls still in flight never complete. */
  @Override
  public void close() {
    if (channel.isOpen()) {
      channel.basicCancel(consumerTag);
    }
  }
}
