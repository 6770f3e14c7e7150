package io.warrenmq.broker.queue;

import io.netty.util.concurrent.EventExecutor;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The policy in force on one queue and the parts of the queue that follow its arguments. A policy
 * composes with the queue's own x-arguments ({@link QueueArguments#of(QueueSettings, Map)}) and, as
 * in RabbitMQ, takes effect at once: a lower length limit trims the queue, a dead-letter exchange
 * serves the next message that dies, an expiry counts from now; a message TTL applies to messages
 * enqueued from then on. This class owns the parts a policy replaces (length limit, idle expiry)
 * and re-points those {@link MessageQueue} owns (paging, message TTL, dead-letter exchange), so the
 * queue itself reads the same with or without policies.
 *
 * <p>Confinement: {@link #takeEffect}, {@link #used} and {@link #cancelExpiry} run on the queue's
 * executor. The name, the definition and the length limit are volatile: management reads the first
 * two, publishers ask {@link MessageQueue#mayRefuse} from their own event loops.
 */
final class QueuePolicy {
  private final QueueSettings settings;
  private final EventExecutor executor;
  private final QueueListener listener;
  private final Ready ready;
  private final HeadExpiry headExpiry;
  private final Disposal disposal;
  private final BooleanSupplier inUse;
  private final Runnable expire;
  private volatile String name;
  private volatile Map<String, Object> definition = Map.of();
  private volatile LengthLimit limit;
  private IdleExpiry idleExpiry;

  /**
   * Starts with the queue's own {@code args}; {@code inUse} and {@code expire} are the idle
   * expiry's (consumers attached; delete the queue).
   */
  QueuePolicy(
      QueueSettings settings,
      QueueArguments args,
      EventExecutor executor,
      QueueListener listener,
      Ready ready,
      HeadExpiry headExpiry,
      Disposal disposal,
      BooleanSupplier inUse,
      Runnable expire) {
    this.settings = settings;
    this.executor = executor;
    this.listener = listener;
    this.ready = ready;
    this.headExpiry = headExpiry;
    this.disposal = disposal;
    this.inUse = inUse;
    this.expire = expire;
    this.limit = LengthLimit.of(args);
    this.idleExpiry = idleExpiry(args);
  }

  private IdleExpiry idleExpiry(QueueArguments arguments) {
    return arguments.expires() > 0
        ? new IdleExpiry(executor, arguments.expires(), inUse, expire)
        : null;
  }

  /** Names the policy in force at once, for management; it takes effect on the executor. */
  void announce(String name, Map<String, Object> definition) {
    this.definition = name == null ? Map.of() : definition;
    this.name = name;
  }

  /** Puts {@code name} with {@code definition} (null name: none) in force. */
  void takeEffect(String name, Map<String, Object> definition) {
    QueueArguments effective = QueueArguments.of(settings, name == null ? null : definition);
    ready.pageNew(!effective.keepsMessagesInMemory());
    headExpiry.queueTtl(effective.messageTtl());
    limit = LengthLimit.of(effective);
    disposal.deadLetters(
        effective.hasDeadLetterExchange() ? new DeadLetters(settings, effective, listener) : null);
    cancelExpiry();
    idleExpiry = idleExpiry(effective);
    used();
  }

  /** The policy in force, or null. */
  String name() {
    return name;
  }

  /** The applied policy's definition, or empty. */
  Map<String, Object> definition() {
    return definition;
  }

  /** The length limit in force, or null. */
  LengthLimit limit() {
    return limit;
  }

  /** The queue was used: x-expires counts from now. */
  void used() {
    if (idleExpiry != null) {
      idleExpiry.used();
    }
  }

  /** The queue is deleted, or a policy replaces the expiry. */
  void cancelExpiry() {
    if (idleExpiry != null) {
      idleExpiry.cancel();
    }
  }
}
