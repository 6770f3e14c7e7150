package io.warrenmq.broker.queue;

import io.warrenmq.broker.store.MessageStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upward signals from a queue to its owner (the vhost registry). {@link #onAutoDeleted} is called
 * on the queue's executor; the dead-letter methods from any thread, so they must be thread-safe.
 */
@FunctionalInterface
public interface QueueListener {
  /** The queue deleted itself (auto-delete after its last consumer left, or x-expires). */
  void onAutoDeleted(MessageQueue queue);

  /**
   * The queues a dead-lettered message published to {@code exchange} with {@code routingKeys}
   * reaches (a mutable set); empty when the exchange does not exist (RabbitMQ drops the message).
   */
  default Set<MessageQueue> routeDeadLetter(
      String exchange, List<String> routingKeys, Map<String, Object> headers) {
    return new java.util.HashSet<>();
  }

  /** Where persistent dead-lettered copies on durable queues are stored; null for nowhere. */
  default MessageStore messageStore() {
    return null;
  }
}
