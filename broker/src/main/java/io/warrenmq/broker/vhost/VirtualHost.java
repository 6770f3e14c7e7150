package io.warrenmq.broker.vhost;

import io.netty.util.concurrent.EventExecutorGroup;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueArguments;
import io.warrenmq.broker.queue.QueueListener;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.store.MessageStore;
import io.warrenmq.broker.store.TopologyStore;
import io.warrenmq.model.AmqpException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One virtual host: its exchanges, queues and the bindings between them, and routing. This class
 * answers the AMQP methods and keeps each change atomic; the parts it coordinates each own one
 * concern: {@link QueueRegistry} (queues, exclusivity), {@link BindingTable} (bindings and the
 * deletes they cascade into), {@link Router} (where a message goes), {@link StoredTopology} (what
 * the store records), {@link EffectivePolicies} and {@link ReservedExchanges}.
 *
 * <p>Confinement: lookups and {@link #route} are lock-free (concurrent maps; exchanges keep
 * concurrent tables), so publishers on every event loop route in parallel. Topology changes are
 * rare and short (no I/O: the store queues its own writes), so they take one lock per vhost that
 * keeps them atomic with respect to each other — a declare and a delete of the same name never
 * interleave. The parts' mutators run only under that lock.
 */
public final class VirtualHost implements QueueListener {
  private final String name;
  private final EventExecutorGroup queueExecutors;
  private final MessageStore messageStore;
  private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
  private final QueueRegistry queues;
  private final Object topologyLock = new Object();
  private final StoredTopology stored;
  private final BindingTable bindingTable;
  private final Router router;
  private final QueueFactory queueFactory;
  private final MessageCounters counters = new MessageCounters();
  private final DirectReplyTo directReplyTo = new DirectReplyTo();
  private final Policies policies = new Policies();
  private final EffectivePolicies effectivePolicies = new EffectivePolicies(policies);

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
    this.messageStore = messageStore;
    this.queues = new QueueRegistry(name);
    this.stored = new StoredTopology(name, store);
    this.bindingTable = new BindingTable(exchanges, stored);
    this.router = new Router(exchanges, queues);
    this.queueFactory = new QueueFactory(name);
    for (Exchange exchange : ReservedExchanges.create(name)) {
      exchanges.put(exchange.name(), exchange);
    }
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

  // ---- exchanges ----

  /** exchange.declare: the existing exchange after equivalence checks, or a new one. */
  public Exchange declareExchange(ExchangeSettings requested, boolean passive) {
    String exchange = requested.name();
    if (passive) {
      return exchange(exchange);
    }
    ReservedExchanges.checkDeclare(exchange, exchanges.containsKey(exchange));
    checkAlternateExchange(requested);
    synchronized (topologyLock) {
      Exchange existing = exchanges.get(exchange);
      if (existing != null) {
        Equivalence.checkExchange(existing, requested);
        return existing;
      }
      Exchange created = Exchange.of(requested, name);
      effectivePolicies.applyTo(created);
      exchanges.put(exchange, created);
      stored.exchangeDeclared(requested);
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
    ReservedExchanges.checkDelete(exchange, name);
    synchronized (topologyLock) {
      Exchange found = exchanges.get(exchange);
      if (found == null) {
        return;
      }
      if (ifUnused && !found.bindings().isEmpty()) {
        throw AmqpException.preconditionFailed(found.describe() + " in use");
      }
      bindingTable.removeExchange(found);
    }
  }

  private void checkAlternateExchange(ExchangeSettings requested) {
    Object alternate = requested.arguments().get("alternate-exchange");
    if (alternate != null && !(alternate instanceof String)) {
      throw AmqpException.preconditionFailed(
          "invalid type '"
              + QueueArguments.typeName(alternate)
              + "' for arg 'alternate-exchange' in exchange '"
              + requested.name()
              + "' in vhost '"
              + name
              + "'");
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
      MessageQueue existing = queues.find(settings.name());
      if (existing != null) {
        queues.checkRedeclare(existing, requested);
        Equivalence.checkQueue(existing.settings(), settings);
        return existing;
      }
      MessageQueue created =
          new MessageQueue(
              settings,
              queueExecutors.next(),
              this,
              StoredTopology.isStored(settings) ? messageStore : null);
      effectivePolicies.applyTo(created);
      queues.add(created);
      stored.queueDeclared(settings);
      return created;
    }
  }

  /** The queue named {@code queue} for use by {@code owner}'s connection; 404 or 405 otherwise. */
  public MessageQueue queue(String queue, Object owner) {
    return queues.get(queue, owner);
  }

  /** The queue named {@code queue}, or null: for queue.delete, which succeeds on missing ones. */
  public MessageQueue findQueue(String queue) {
    return queues.find(queue);
  }

  /** Forgets a deleted queue and every binding to it. Safe to call more than once. */
  public void queueDeleted(MessageQueue queue) {
    synchronized (topologyLock) {
      if (!queues.remove(queue)) {
        return;
      }
      bindingTable.removeAllTo(new QueueDestination(queue));
      stored.queueDeleted(queue);
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
    for (MessageQueue queue : queues.ownedBy(owner)) {
      queueDeleted(queue);
      queue.forceDelete();
    }
  }

  /**
   * The vhost is being deleted (its connections are closed): every queue and every exchange other
   * than the predeclared ones goes, durable ones recorded as deleted in the store.
   */
  public void deleteEverything() {
    for (MessageQueue queue : List.copyOf(queues.all())) {
      queueDeleted(queue);
      queue.forceDelete();
    }
    synchronized (topologyLock) {
      for (Exchange exchange : List.copyOf(exchanges.values())) {
        if (!ReservedExchanges.isReserved(exchange.name())) {
          bindingTable.removeExchange(exchange);
        }
      }
      for (Policy policy : policies.all()) {
        policies.remove(policy.name());
        stored.policyCleared(policy.name());
      }
    }
  }

  /** All queues, for shutdown and management. */
  public Collection<MessageQueue> queues() {
    return queues.all();
  }

  // ---- bindings ----

  /** queue.bind: binding twice is a no-op. */
  public void bindQueue(MessageQueue queue, String exchange, String key, Map<String, Object> args) {
    Exchange source = bindSource(exchange);
    synchronized (topologyLock) {
      queues.requireLive(queue);
      bindingTable.add(new Binding(source, new QueueDestination(queue), key, args));
    }
  }

  /** queue.unbind: unbinding what is not bound succeeds, as in RabbitMQ. */
  public void unbindQueue(
      MessageQueue queue, String exchange, String key, Map<String, Object> args) {
    Exchange source = bindSource(exchange);
    synchronized (topologyLock) {
      bindingTable.remove(new Binding(source, new QueueDestination(queue), key, args));
    }
  }

  /** exchange.bind (a RabbitMQ extension): messages flow from source to destination. */
  public void bindExchange(
      String destination, String source, String key, Map<String, Object> args) {
    Exchange to = bindSource(destination);
    Exchange from = bindSource(source);
    synchronized (topologyLock) {
      bindingTable.add(new Binding(from, to, key, args));
    }
  }

  /** exchange.unbind. */
  public void unbindExchange(
      String destination, String source, String key, Map<String, Object> args) {
    Exchange to = bindSource(destination);
    Exchange from = bindSource(source);
    synchronized (topologyLock) {
      bindingTable.remove(new Binding(from, to, key, args));
    }
  }

  private Exchange bindSource(String exchange) {
    ReservedExchanges.checkBind(exchange);
    return exchange(exchange);
  }

  // ---- routing ----

  /** As {@link #route(Exchange, List, Map)} with one routing key. */
  public Set<MessageQueue> route(
      Exchange exchange, String routingKey, Map<String, Object> headers) {
    return route(exchange, List.of(routingKey), headers);
  }

  /**
   * The queues a message published to {@code exchange} with {@code routingKeys} reaches, in a new
   * mutable set, for callers off the publish path; see {@link #route(Exchange, List, Map,
   * RoutedQueues)}.
   */
  public Set<MessageQueue> route(
      Exchange exchange, List<String> routingKeys, Map<String, Object> headers) {
    RoutedQueues routed = new RoutedQueues();
    router.route(exchange, routingKeys, headers, routed);
    return new LinkedHashSet<>(routed);
  }

  /**
   * Routes a message published to {@code exchange} with {@code routingKeys} (its own key plus any
   * sender-selected ones) into {@code into}, emptied first: the queues it reaches, each once.
   * Follows exchange-to-exchange bindings and, for an exchange that matched nothing at all, its
   * alternate exchange; see {@link Router}. A publisher passes the same {@code into} for every
   * message, so the publish path allocates nothing here.
   */
  public void route(
      Exchange exchange, List<String> routingKeys, Map<String, Object> headers, RoutedQueues into) {
    router.route(exchange, routingKeys, headers, into);
  }

  // ---- policies ----

  /**
   * {@code set_policy}: adds or replaces {@code policy} (validated by the caller, see {@link
   * PolicyDefinition}), records it in the store, and re-applies policies to every queue and
   * exchange at once.
   */
  public void setPolicy(Policy policy) {
    synchronized (topologyLock) {
      policies.put(policy);
      stored.policySet(policy);
      effectivePolicies.reapply(queues.all(), exchanges.values());
    }
  }

  /** {@code clear_policy}: false when there was no such policy. */
  public boolean clearPolicy(String policy) {
    synchronized (topologyLock) {
      if (policies.remove(policy) == null) {
        return false;
      }
      stored.policyCleared(policy);
      effectivePolicies.reapply(queues.all(), exchanges.values());
      return true;
    }
  }

  /** The policies of this vhost, lowest priority first (as rabbitmqctl lists them). */
  public List<Policy> policies() {
    return policies.all();
  }

  /** The policy named {@code policy}, or null. */
  public Policy policy(String policy) {
    return policies.get(policy);
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
    return queues.counters(queue);
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
