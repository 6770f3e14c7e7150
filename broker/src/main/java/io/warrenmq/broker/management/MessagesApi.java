package io.warrenmq.broker.management;

import io.netty.buffer.ByteBuf;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.vhost.Exchange;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.generated.BasicProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The debugging pair of RabbitMQ's API: {@code POST /api/exchanges/v/e/publish} routes one message
 * as basic.publish would, and {@code POST /api/queues/v/q/get} takes messages off a queue and
 * requeues or drops them as the {@code ackmode} says. Stateless; the queue work runs on the queues'
 * executors.
 */
final class MessagesApi {
  private MessagesApi() {}

  /** Routes and enqueues; answers {@code routed} once a persistent message is on disk. */
  static CompletableFuture<ApiResponse> publish(
      VirtualHost vhost, String exchange, Map<String, Object> body) {
    Exchange target = vhost.publishTarget(exchange);
    String routingKey = ApiRequest.stringField(body, "routing_key");
    BasicProperties properties = MessageJson.properties(body.get("properties"));
    ByteBuf payload = MessageJson.payload(body);
    Set<MessageQueue> queues = vhost.route(target, routingKey, properties.headers());
    if (queues.isEmpty()) {
      payload.release();
      return CompletableFuture.completedFuture(ApiResponse.ok(Map.of("routed", false)));
    }
    List<String> durable = new ArrayList<>();
    if (Integer.valueOf(2).equals(properties.deliveryMode()) && vhost.messageStore() != null) {
      queues.stream().filter(MessageQueue::isPersistent).forEach(q -> durable.add(q.name()));
    }
    Message message =
        new Message(
            exchange, routingKey, properties, payload, durable.isEmpty() ? null : new StoreRef());
    CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);
    if (!durable.isEmpty()) {
      // Appended before any queue sees it, as a channel does, so removals follow the append.
      stored = vhost.messageStore().append(vhost.name(), durable, message).toCompletableFuture();
    }
    for (MessageQueue queue : queues) {
      queue.enqueue(message.retain());
      vhost.queueCounters(queue).published(1);
    }
    message.release();
    vhost.counters().published(1);
    return stored.thenApply(done -> ApiResponse.ok(Map.of("routed", true)));
  }

  /** Takes up to {@code count} messages, then requeues them or drops them per {@code ackmode}. */
  static CompletableFuture<ApiResponse> get(
      VirtualHost vhost, MessageQueue queue, Map<String, Object> body) {
    Object count = body.get("count");
    if (!(count instanceof Long max) || max < 0) {
      throw ApiException.badRequest("count must be a non-negative integer");
    }
    String ackmode = ApiRequest.stringField(body, "ackmode");
    boolean requeue =
        switch (ackmode) {
          case "ack_requeue_true", "reject_requeue_true" -> true;
          case "ack_requeue_false", "reject_requeue_false" -> false;
          default -> throw ApiException.badRequest("unknown ackmode " + ackmode);
        };
    Object encoding = body.getOrDefault("encoding", "auto");
    if (!"auto".equals(encoding) && !"base64".equals(encoding)) {
      throw ApiException.badRequest("unknown encoding " + encoding);
    }
    Object truncate = body.get("truncate");
    int limit = truncate instanceof Long n ? (int) Math.min(n, Integer.MAX_VALUE) : -1;
    CompletableFuture<ApiResponse> done = new CompletableFuture<>();
    new Taker(queue, max.intValue(), requeue, "base64".equals(encoding), limit, done).next();
    return done.thenApply(
        response -> {
          int taken = ((List<?>) response.json()).size();
          vhost.counters().delivered(taken);
          vhost.queueCounters(queue).delivered(taken);
          return response;
        });
  }

  /**
   * One get request's loop on the queue's executor: each answer asks for the next message, so the
   * messages held so far are not handed out again; they go back together at the end.
   */
  private record Taker(
      MessageQueue queue,
      int count,
      boolean requeue,
      boolean base64,
      int truncate,
      CompletableFuture<ApiResponse> done,
      List<QueueEntry> taken,
      List<Object> out) {
    Taker(
        MessageQueue q,
        int count,
        boolean requeue,
        boolean base64,
        int truncate,
        CompletableFuture<ApiResponse> done) {
      this(q, count, requeue, base64, truncate, done, new ArrayList<>(), new ArrayList<>());
    }

    void next() {
      if (taken.size() >= count) {
        finish();
        return;
      }
      queue.get(
          (entry, remaining) -> {
            if (entry == null) {
              finish();
              return;
            }
            taken.add(entry);
            out.add(describe(entry, remaining));
            next();
          });
    }

    private Map<String, Object> describe(QueueEntry entry, int remaining) {
      Message message = entry.message();
      Map<String, Object> item = new java.util.LinkedHashMap<>();
      MessageJson.payload(message.body(), base64, truncate, item);
      item.put("redelivered", entry.redelivered());
      item.put("exchange", message.exchange());
      item.put("routing_key", message.routingKey());
      item.put("message_count", remaining);
      item.put("properties", MessageJson.describe(message.properties()));
      return item;
    }

    private void finish() {
      if (requeue) {
        queue.requeue(taken);
      } else {
        for (QueueEntry entry : taken) {
          queue.settled(entry.message());
          entry.message().release();
        }
      }
      done.complete(ApiResponse.ok(out));
    }
  }
}
