package io.warrenmq.broker.queue;

import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.model.generated.BasicProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dead-lettering for one queue ({@code x-dead-letter-exchange}): republishes a message that was
 * rejected, expired or pushed out by a length limit to the dead-letter exchange, as RabbitMQ 3.10
 * does: an {@code x-death} entry per (queue, reason), the newest first, with its count; the {@code
 * x-first-death-*} headers set once; the {@code expiration} property removed (kept as {@code
 * original-expiration}); routed with {@code x-dead-letter-routing-key} or else the original keys
 * (with CC); and a queue that the message already died in, with no rejection since, is left out (an
 * automatic cycle). The copy is a new message: stored anew when it reaches durable queues.
 *
 * <p>Thread-safe: immutable, routing is lock-free; called on the queue's executor or, for rejects,
 * on the channel's event loop.
 */
final class DeadLetters {
  /** Why a message was dead-lettered: the x-death reason. */
  enum Reason {
    REJECTED("rejected"),
    EXPIRED("expired"),
    MAXLEN("maxlen");

    final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final QueueSettings queue;
  private final String exchange;
  private final String routingKey;
  private final QueueListener router;

  DeadLetters(QueueSettings queue, QueueArguments args, QueueListener router) {
    this.queue = queue;
    this.exchange = args.deadLetterExchange();
    this.routingKey = args.deadLetterRoutingKey();
    this.router = router;
  }

  /** Republishes a copy of {@code message}; the caller keeps (and settles) the original. */
  void deadLetter(Message message, Reason reason) {
    BasicProperties properties = message.properties();
    List<String> originalKeys = originalKeys(message);
    BasicProperties copyProperties =
        withDeath(properties, reason, message.exchange(), originalKeys);
    List<String> keys = routingKey != null ? List.of(routingKey) : originalKeys;
    Set<MessageQueue> targets = router.routeDeadLetter(exchange, keys, copyProperties.headers());
    if (reason != Reason.REJECTED) {
      targets.removeIf(target -> isCycle(target.name(), copyProperties.headers()));
    }
    if (targets.isEmpty()) {
      return;
    }
    List<String> durable = new ArrayList<>();
    boolean persistent =
        copyProperties.deliveryMode() != null && copyProperties.deliveryMode() == 2;
    MessageStore store = router.messageStore();
    if (persistent && store != null) {
      for (MessageQueue target : targets) {
        if (target.isPersistent()) {
          durable.add(target.name());
        }
      }
    }
    Message copy =
        new Message(
            exchange,
            routingKey != null ? routingKey : message.routingKey(),
            copyProperties,
            message.body().retainedDuplicate(),
            durable.isEmpty() ? null : new StoreRef());
    if (!durable.isEmpty()) {
      store.append(queue.vhost(), durable, copy); // before any queue sees it, as a publish
    }
    for (MessageQueue target : targets) {
      target.enqueue(copy.retain());
    }
    copy.release();
  }

  /** The publish's routing key and its CC keys (BCC was removed at publish). */
  private static List<String> originalKeys(Message message) {
    Map<String, Object> headers =
        message.properties() == null ? null : message.properties().headers();
    Object cc = headers == null ? null : headers.get("CC");
    if (!(cc instanceof List<?> list)) {
      return List.of(message.routingKey());
    }
    List<String> keys = new ArrayList<>(1 + list.size());
    keys.add(message.routingKey());
    list.forEach(key -> keys.add(key.toString()));
    return keys;
  }

  private BasicProperties withDeath(
      BasicProperties properties, Reason reason, String fromExchange, List<String> keys) {
    Map<String, Object> headers = new LinkedHashMap<>();
    if (properties != null && properties.headers() != null) {
      headers.putAll(properties.headers());
    }
    List<Object> deaths = new ArrayList<>();
    if (headers.get("x-death") instanceof List<?> old) {
      deaths.addAll(old);
    }
    Map<String, Object> death = null;
    for (int i = 0; i < deaths.size(); i++) {
      if (deaths.get(i) instanceof Map<?, ?> d
          && queue.name().equals(text(d.get("queue")))
          && reason.text.equals(text(d.get("reason")))) {
        death = new LinkedHashMap<>(asTable(d));
        Object count = death.get("count");
        death.put("count", (count instanceof Number n ? n.longValue() : 0L) + 1);
        deaths.remove(i);
        break;
      }
    }
    if (death == null) {
      death = new LinkedHashMap<>();
      death.put("count", 1L);
      death.put("reason", reason.text);
      death.put("queue", queue.name());
      death.put("time", Instant.ofEpochSecond(System.currentTimeMillis() / 1000));
      death.put("exchange", fromExchange);
      death.put("routing-keys", List.copyOf(keys));
      if (properties != null && properties.expiration() != null) {
        death.put("original-expiration", properties.expiration());
      }
    }
    deaths.add(0, new TreeMap<>(death)); // fields sorted by name, as RabbitMQ's
    headers.put("x-death", deaths);
    headers.putIfAbsent("x-first-death-reason", reason.text);
    headers.putIfAbsent("x-first-death-queue", queue.name());
    headers.putIfAbsent("x-first-death-exchange", fromExchange);
    BasicProperties.Builder builder =
        properties == null ? BasicProperties.builder() : properties.toBuilder();
    return builder.headers(headers).expiration(null).build();
  }

  /**
   * RabbitMQ's cycle rule: the message died in {@code target} before, and every death since then
   * (that one included) was automatic, none a rejection.
   */
  private static boolean isCycle(String target, Map<String, Object> headers) {
    if (!(headers.get("x-death") instanceof List<?> deaths)) {
      return false;
    }
    for (Object entry : deaths) {
      if (!(entry instanceof Map<?, ?> death)) {
        return false;
      }
      if ("rejected".equals(text(death.get("reason")))) {
        return false;
      }
      if (target.equals(text(death.get("queue")))) {
        return true;
      }
    }
    return false;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asTable(Map<?, ?> table) {
    return (Map<String, Object>) table;
  }
}
