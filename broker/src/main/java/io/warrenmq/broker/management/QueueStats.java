package io.warrenmq.broker.management;

import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A queue's counts asked of its executor: the futures complete there, never blocking the caller.
 *
 * @param queue the queue
 * @param ready its ready messages
 * @param consumers its consumers
 */
record QueueStats(MessageQueue queue, int ready, int consumers) {

  static CompletableFuture<QueueStats> of(MessageQueue queue) {
    CompletableFuture<QueueStats> future = new CompletableFuture<>();
    queue.stats((ready, consumers) -> future.complete(new QueueStats(queue, ready, consumers)));
    return future;
  }

  /** The counts of every queue, in order, once all have answered. */
  static CompletableFuture<List<QueueStats>> all(List<MessageQueue> queues) {
    List<CompletableFuture<QueueStats>> futures = new ArrayList<>();
    for (MessageQueue queue : queues) {
      futures.add(of(queue));
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<QueueStats> out = new ArrayList<>();
              futures.forEach(f -> out.add(f.join()));
              return out;
            });
  }

  /**
   * RabbitMQ's queue fields; {@code unacked} is counted by the channels holding the deliveries (the
   * queue hands them over and forgets them).
   */
  Map<String, Object> describe(int unacked, Map<String, Object> messageStats) {
    QueueSettings settings = queue.settings();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", settings.name());
    out.put("vhost", settings.vhost());
    out.put("durable", settings.durable());
    out.put("auto_delete", settings.autoDelete());
    out.put("exclusive", settings.isExclusive());
    out.put("arguments", settings.arguments());
    // RabbitMQ: the policy's name ("" for none) and the keys it brings.
    out.put("policy", queue.policyName() == null ? "" : queue.policyName());
    out.put("effective_policy_definition", queue.effectivePolicyDefinition());
    out.put("messages", ready + unacked);
    out.put("messages_ready", ready);
    out.put("messages_unacknowledged", unacked);
    out.put("consumers", consumers);
    out.put("message_stats", messageStats);
    out.put("state", "running");
    out.put("type", "classic");
    return out;
  }
}
