package io.warrenmq.broker.vhost;

import io.netty.util.concurrent.EventExecutorGroup;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueListener;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.TopologyStore;
import io.warrenmq.model.AmqpException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One virtual host: its exchanges, queues and the bindings between them, and routing.
 *
 * <p>Confinement: lookups and {@link #route} are lock-free (concurrent maps; exchanges keep
 * concurrent tables), so publishers on every event loop route in parallel. Topology changes are
 * rare and short (no I/O: the store queues its own writes), so they take one lock per vhost that
 * keeps them atomic with respect to each other — a declare and a delete of the same name never
 * interleave.
 */
public final class VirtualHost implements QueueListener {
  private final String name;
  private final EventExecutorGroup queueExecutors;
  private final TopologyStore store;
  private final MessageStore messageStore;
  private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
  private final Map<String, MessageQueue> queues = new ConcurrentHashMap<>();
  private final Map<Destination, Set<Binding>> inbound = new HashMap<>();
  private final Object topologyLock = new Object();
  private final QueueFactory queueFactory;
  private final MessageCounters counters = new MessageCounters();
  private final Map<MessageQueue, MessageCounters> queueCounters = new ConcurrentHashMap<>();
  private final DirectReplyTo directReplyTo = new DirectReplyTo();

  /** Creates an in-memory vhost with the default exchange and the amq.* exchanges. */
  public VirtualHost(String name, EventExecutorGroup queueExecutors, TopologyStore store) {
    this(name, queueExecutors, store, null);
  }

  /**
   * Creates a vhost with the default exchange and the amq.* exchanges; {@code messageStore} (null
   * for none) keeps the persistent messages of its durable queues.
   */
  public VirtualHost(
      String name,
      EventExecutorGroup queueExecutors,
      TopologyStore store,
      MessageStore messageStore) {
    this.name = name;
    this.queueExecutors = queueExecutors;
    this.store = store;
    this.messageStore = messageStore;
    this.queueFactory = new QueueFactory(name);
    predeclare("", ExchangeType.DIRECT);
    predeclare("amq.direct", ExchangeType.DIRECT);
    predeclare("amq.fanout", ExchangeType.FANOUT);
    predeclare("amq.topic", ExchangeType.TOPIC);
    predeclare("amq.headers", ExchangeType.HEADERS);
    predeclare("amq.match", ExchangeType.HEADERS);
  }

  private void predeclare(String exchange, ExchangeType type) {
    exchanges.put(
        exchange,
        Exchange.of(new ExchangeSettings(exchange, type, true, false, false, Map.of()), name));
  }

  public String name() {
    return name;
  }

  /** The channels consuming from the direct reply-to pseudo-queue, by their reply names. */
  public DirectReplyTo directReplyTo() {
    return directReplyTo;
  }

  /** The store of persistent messages; null when the broker keeps messages in memory only. */
  @Override
  public MessageStore messageStore() {
    return messageStore;
  }

  /** Durable and not exclusive: what survives a restart (exclusive queues never do). */
  private static boolean isStored(QueueSettings queue) {
    return queue.durable() && !queue.isExclusive();
  }

  private static boolean isStored(Destination destination) {
    if (destination instanceof QueueDestination queue) {
      return isStored(queue.queue().settings());
    }
    return destination instanceof Exchange exchange && exchange.settings().durable();
  }

  // ---- exchanges ----

  /** exchange.declare: the existing exchange after equivalence checks, or a new one. */
  public Exchange declareExchange(ExchangeSettings requested, boolean passive) {
    String exchange = requested.name();
    if (passive) {
      return exchange(exchange);
    }
    if (exchange.isEmpty()) {
      throw defaultExchangeRefused();
    }
    if (exchange.startsWith("amq.") && !exchanges.containsKey(exchange)) {
      throw AmqpException.accessRefused(
          "exchange name '" + exchange + "' contains reserved prefix 'amq.*'");
    }
    checkAlternateExchange(requested);
    synchronized (topologyLock) {
      Exchange existing = exchanges.get(exchange);
      if (existing != null) {
        Equivalence.checkExchange(existing, requested);
        return existing;
      }
      Exchange created = Exchange.of(requested, name);
      exchanges.put(exchange, created);
      if (requested.durable()) {
        store.exchangeDeclared(name, requested);
      }
      return created;
    }
  }

  /** The exchange named {@code exchange}; 404 when there is none. */
  public Exchange exchange(String exchange) {
    Exchange found = exchanges.get(exchange);
    if (found == null) {
      throw AmqpException.notFound("no exchange '" + exchange + "' in vhost '" + name + "'");
    }
    return found;
  }

  /** The exchange a message is published to: 404 when missing, 403 when internal. */
  public Exchange publishTarget(String exchange) {
    Exchange found = exchange(exchange);
    if (found.settings().internal()) {
      throw AmqpException.accessRefused("cannot publish to internal " + found.describe());
    }
    return found;
  }

  /** exchange.delete; deleting an exchange that does not exist succeeds, as in RabbitMQ. */
  public void deleteExchange(String exchange, boolean ifUnused) {
    if (exchange.isEmpty()) {
      throw defaultExchangeRefused();
    }
    if (exchange.startsWith("amq.")) {
      throw AmqpException.accessRefused(
          "exchange '" + exchange + "' in vhost '" + name + "' is reserved");
    }
    synchronized (topologyLock) {
      Exchange found = exchanges.get(exchange);
      if (found == null) {
        return;
      }
      if (ifUnused && !found.bindings().isEmpty()) {
        throw AmqpException.preconditionFailed(found.describe() + " in use");
      }
      removeExchange(found);
    }
  }

  // ---- queues ----

  /**
   * queue.declare (not passive): the existing queue after exclusivity (405) and equivalence (406)
   * checks, or a new one. An empty name asks for a server-generated one.
   */
  public MessageQueue declareQueue(QueueSettings requested) {
    return declareQueue(requested, settings -> {});
  }

  /**
   * As {@link #declareQueue(QueueSettings)}, calling {@code authorize} with the final settings (a
   * server-generated name included) before anything is created; it throws to refuse.
   */
  public MessageQueue declareQueue(QueueSettings requested, Consumer<QueueSettings> authorize) {
    QueueSettings settings = queueFactory.validate(requested);
    authorize.accept(settings);
    synchronized (topologyLock) {
      MessageQueue existing = queues.get(settings.name());
      if (existing != null) {
        checkExclusiveAccess(existing, requested.exclusiveOwner());
        if (requested.isExclusive() && !existing.settings().isExclusive()) {
          throw resourceLocked(existing);
        }
        Equivalence.checkQueue(existing.settings(), settings);
        return existing;
      }
      MessageQueue created =
          new MessageQueue(
              settings, queueExecutors.next(), this, isStored(settings) ? messageStore : null);
      queues.put(settings.name(), created);
      queueCounters.put(created, new MessageCounters());
      if (isStored(settings)) {
        store.queueDeclared(settings);
      }
      return created;
    }
  }

  /** The queue named {@code queue} for use by {@code owner}'s connection; 404 or 405 otherwise. */
  public MessageQueue queue(String queue, Object owner) {
    MessageQueue found = queues.get(queue);
    if (found == null) {
      throw AmqpException.notFound("no queue '" + queue + "' in vhost '" + name + "'");
    }
    checkExclusiveAccess(found, owner);
    return found;
  }

  /** The queue named {@code queue}, or null: for queue.delete, which succeeds on missing ones. */
  public MessageQueue findQueue(String queue) {
    return queues.get(queue);
  }

  /** Forgets a deleted queue and every binding to it. Safe to call more than once. */
  public void queueDeleted(MessageQueue queue) {
    synchronized (topologyLock) {
      if (!queues.remove(queue.name(), queue)) {
        return;
      }
      queueCounters.remove(queue);
      removeInbound(new QueueDestination(queue));
      if (isStored(queue.settings())) {
        store.queueDeleted(name, queue.name());
      }
    }
  }

  @Override
  public void onAutoDeleted(MessageQueue queue) {
    queueDeleted(queue);
  }

  @Override
  public Set<MessageQueue> routeDeadLetter(
      String exchange, List<String> routingKeys, Map<String, Object> headers) {
    Exchange found = exchanges.get(exchange);
    return found == null ? new HashSet<>() : route(found, routingKeys, headers);
  }

  /** A connection closed: its exclusive queues go with it (spec 1.7.2.1 exclusive). */
  public void ownerClosed(Object owner) {
    List<MessageQueue> owned = new ArrayList<>();
    for (MessageQueue queue : queues.values()) {
      if (queue.settings().exclusiveOwner() == owner) {
        owned.add(queue);
      }
    }
    for (MessageQueue queue : owned) {
      queueDeleted(queue);
      queue.forceDelete();
    }
  }

  /**
   * The vhost is being deleted (its connections are closed): every queue and every exchange other
   * than the predeclared ones goes, durable ones recorded as deleted in the store.
   */
  public void deleteEverything() {
    for (MessageQueue queue : List.copyOf(queues.values())) {
      queueDeleted(queue);
      queue.forceDelete();
    }
    synchronized (topologyLock) {
      for (Exchange exchange : List.copyOf(exchanges.values())) {
        if (!exchange.name().isEmpty() && !exchange.name().startsWith("amq.")) {
          removeExchange(exchange);
        }
      }
    }
  }

  /** All queues, for shutdown and management. */
  public Collection<MessageQueue> queues() {
    return queues.values();
  }

  // ---- bindings ----

  /** queue.bind: binding twice is a no-op. */
  public void bindQueue(MessageQueue queue, String exchange, String key, Map<String, Object> args) {
    Exchange source = bindSource(exchange);
    synchronized (topologyLock) {
      requireLive(queue);
      addBinding(new Binding(source, new QueueDestination(queue), key, args));
    }
  }

  /** queue.unbind: unbinding what is not bound succeeds, as in RabbitMQ. */
  public void unbindQueue(
      MessageQueue queue, String exchange, String key, Map<String, Object> args) {
    Exchange source = bindSource(exchange);
    synchronized (topologyLock) {
      removeBinding(new Binding(source, new QueueDestination(queue), key, args));
    }
  }

  /** exchange.bind (a RabbitMQ extension): messages flow from source to destination. */
  public void bindExchange(
      String destination, String source, String key, Map<String, Object> args) {
    Exchange to = bindSource(destination);
    Exchange from = bindSource(source);
    synchronized (topologyLock) {
      addBinding(new Binding(from, to, key, args));
    }
  }

  /** exchange.unbind. */
  public void unbindExchange(
      String destination, String source, String key, Map<String, Object> args) {
    Exchange to = bindSource(destination);
    Exchange from = bindSource(source);
    synchronized (topologyLock) {
      removeBinding(new Binding(from, to, key, args));
    }
  }

  // ---- routing ----

  /** As {@link #route(Exchange, List, Map)} with one routing key. */
  public Set<MessageQueue> route(
      Exchange exchange, String routingKey, Map<String, Object> headers) {
    return route(exchange, List.of(routingKey), headers);
  }

  /**
   * The queues a message published to {@code exchange} with {@code routingKeys} (its own key plus
   * any sender-selected ones) reaches, each once. Follows exchange-to-exchange bindings and, for an
   * exchange that matched nothing at all, its alternate exchange (a missing one is skipped, as in
   * RabbitMQ). Each exchange is visited once, so cycles of bindings or of alternates end.
   */
  public Set<MessageQueue> route(
      Exchange exchange, List<String> routingKeys, Map<String, Object> headers) {
    Set<MessageQueue> result = new LinkedHashSet<>();
    if (exchange.name().isEmpty()) {
      for (String routingKey : routingKeys) {
        MessageQueue queue = queues.get(routingKey);
        if (queue != null) {
          result.add(queue);
        }
      }
      exchange.routed(!result.isEmpty());
      return result;
    }
    List<Destination> found = new ArrayList<>();
    Set<Exchange> visited = null;
    ArrayDeque<Exchange> pending = null;
    for (Exchange current = exchange; current != null; ) {
      found.clear();
      for (String routingKey : routingKeys) {
        current.route(routingKey, headers, found);
      }
      if (found.isEmpty()) {
        String alternate = current.settings().alternateExchange();
        Exchange next = alternate == null ? null : exchanges.get(alternate);
        if (next != null) {
          found.add(next);
        }
      }
      for (Destination destination : found) {
        if (destination instanceof QueueDestination queue) {
          result.add(queue.queue());
        } else if (destination instanceof Exchange next) {
          if (visited == null) {
            visited = new HashSet<>();
            visited.add(exchange);
            pending = new ArrayDeque<>();
          }
          if (visited.add(next)) {
            pending.add(next);
          }
        }
      }
      current = pending == null ? null : pending.poll();
    }
    exchange.routed(!result.isEmpty());
    return result;
  }

  // ---- internals, all under topologyLock ----

  private Exchange bindSource(String exchange) {
    if (exchange.isEmpty()) {
      throw defaultExchangeRefused();
    }
    return exchange(exchange);
  }

  private void requireLive(MessageQueue queue) {
    if (queues.get(queue.name()) != queue) {
      throw AmqpException.notFound("no queue '" + queue.name() + "' in vhost '" + name + "'");
    }
  }

  private void addBinding(Binding binding) {
    if (binding.source().bind(binding)) {
      inbound.computeIfAbsent(binding.destination(), d -> new HashSet<>()).add(binding);
      if (binding.source().settings().durable() && isStored(binding.destination())) {
        store.bindingAdded(
            name,
            binding.source().name(),
            binding.destination().name(),
            binding.destination() instanceof Exchange,
            binding.routingKey(),
            binding.arguments());
      }
    }
  }

  private void removeBinding(Binding binding) {
    if (!binding.source().unbind(binding)) {
      return;
    }
    Set<Binding> set = inbound.get(binding.destination());
    if (set != null) {
      set.remove(binding);
      if (set.isEmpty()) {
        inbound.remove(binding.destination());
      }
    }
    if (binding.source().settings().durable() && isStored(binding.destination())) {
      store.bindingRemoved(
          name,
          binding.source().name(),
          binding.destination().name(),
          binding.destination() instanceof Exchange,
          binding.routingKey(),
          binding.arguments());
    }
    Exchange source = binding.source();
    if (source.settings().autoDelete() && source.bindings().isEmpty()) {
      removeExchange(source);
    }
  }

  private void removeInbound(Destination destination) {
    Set<Binding> set = inbound.remove(destination);
    if (set != null) {
      for (Binding binding : List.copyOf(set)) {
        removeBinding(binding);
      }
    }
  }

  private void removeExchange(Exchange exchange) {
    if (!exchanges.remove(exchange.name(), exchange)) {
      return;
    }
    for (Binding binding : exchange.bindings()) {
      removeBinding(binding);
    }
    removeInbound(exchange);
    if (exchange.settings().durable()) {
      store.exchangeDeleted(name, exchange.name());
    }
  }

  private void checkExclusiveAccess(MessageQueue queue, Object owner) {
    Object exclusiveOwner = queue.settings().exclusiveOwner();
    if (exclusiveOwner != null && exclusiveOwner != owner) {
      throw resourceLocked(queue);
    }
  }

  private static AmqpException resourceLocked(MessageQueue queue) {
    return AmqpException.resourceLocked(
        "cannot obtain exclusive access to locked "
            + queue.settings().describe()
            + ". It could be originally declared on another connection or the exclusive"
            + " property value does not match that of the original declaration.");
  }

  private void checkAlternateExchange(ExchangeSettings requested) {
    Object alternate = requested.arguments().get("alternate-exchange");
    if (alternate != null && !(alternate instanceof String)) {
      throw AmqpException.preconditionFailed(
          "invalid type '"
              + FieldTypes.rabbitName(alternate)
              + "' for arg 'alternate-exchange' in exchange '"
              + requested.name()
              + "' in vhost '"
              + name
              + "'");
    }
  }

  private static AmqpException defaultExchangeRefused() {
    return AmqpException.accessRefused("operation not permitted on the default exchange");
  }

  // ---- read by the management API ----

  /** Messages published, delivered and acked in this vhost so far. */
  public MessageCounters counters() {
    return counters;
  }

  /**
   * Messages enqueued on, delivered from and acked for {@code queue} so far; created with the queue
   * and forgotten when it is deleted (late acks of a deleted queue count nowhere, so the map never
   * holds on to a dead queue).
   */
  public MessageCounters queueCounters(MessageQueue queue) {
    MessageCounters found = queueCounters.get(queue);
    return found != null ? found : new MessageCounters();
  }

  /** All exchanges, the default one ("") included. */
  public Collection<Exchange> exchanges() {
    return exchanges.values();
  }

  /** The exchange named {@code exchange}, or null. */
  public Exchange findExchange(String exchange) {
    return exchanges.get(exchange);
  }

  /** Every binding of the vhost (the default exchange's implicit ones excluded). */
  public List<Binding> bindings() {
    List<Binding> out = new ArrayList<>();
    for (Exchange exchange : exchanges.values()) {
      out.addAll(exchange.bindings());
    }
    return out;
  }
}
