package io.warrenmq.client;

import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request/reply pattern of the tutorials' {@code FibonacciRpcClient}, done once: a reply queue,
 * a correlation id per call, and replies matched back to their calls; late or foreign replies are
 * ignored.
 *
 * <p>Replies come through RabbitMQ's direct reply-to ({@code amq.rabbitmq.reply-to}, no queue
 * declared) when the broker accepts it: the client first asks on a short-lived channel of its own,
 * so that a broker without it refuses there and not on the caller's channel. A broker that refuses,
 * or a channel that already has a direct reply-to consumer (a broker allows one per channel), gets
 * an exclusive server-named reply queue instead, the tutorial's way.
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
  private final boolean direct;
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
    this.direct = claimDirectReplyTo(channel);
    this.replyQueue =
        direct
            ? DIRECT_REPLY_TO
            : channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    this.consumerTag =
        channel.basicConsume(
            replyQueue, (ch, method, props, body) -> onReply(props, body), o -> o.autoAck(true));
  }

  /** Channels that have a direct reply-to consumer of an RpcClient; the broker allows one. */
  private static final Set<BlockingChannel> DIRECT_CHANNELS =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** True when {@code channel} may consume from the pseudo-queue; it is then taken. */
  private static boolean claimDirectReplyTo(BlockingChannel channel) {
    return !DIRECT_CHANNELS.contains(channel)
        && brokerOffersDirectReplyTo(channel.connection())
        && DIRECT_CHANNELS.add(channel);
  }

  /** A passive declare of the pseudo-queue on a channel of our own: RabbitMQ answers declare-ok. */
  private static boolean brokerOffersDirectReplyTo(BlockingConnection connection) {
    BlockingChannel probe = connection.channel();
    try {
      probe.queueDeclare(DIRECT_REPLY_TO, o -> o.passive(true));
      return true;
    } catch (ChannelClosedByBroker e) {
      log.debug("no direct reply-to ({}), using an exclusive reply queue", e.replyText());
      return false;
    } finally {
      if (probe.isOpen()) {
        probe.close();
      }
    }
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
    if (direct) {
      DIRECT_CHANNELS.remove(channel);
    }
  }
}
