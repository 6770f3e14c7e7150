package io.warrenmq.broker.vhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.concurrent.ImmediateEventExecutor;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.store.TopologyStore;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.ReplyCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vhost's topology rules across its parts: routing through exchange hops and alternates, the
 * deletes bindings cascade into, what reaches the store, exclusivity and reserved names. Queues run
 * on the calling thread (an immediate executor stands in for their actors).
 */
class VirtualHostTest {
  private final RecordingStore store = new RecordingStore();
  private final VirtualHost vhost = new VirtualHost("/", ImmediateEventExecutor.INSTANCE, store);

  @AfterEach
  void deleteQueues() {
    vhost.deleteEverything();
  }

  @Test
  void routesThroughExchangeBindingsAndAlternatesAndEndsCycles() {
    MessageQueue queue = vhost.declareQueue(queue("q", true, null));
    exchange("a", false, Map.of("alternate-exchange", "b"));
    exchange("b", false, Map.of());
    vhost.bindExchange("b", "a", "k", Map.of());
    vhost.bindExchange("a", "b", "k", Map.of());
    vhost.bindQueue(queue, "b", "k", Map.of());
    vhost.bindQueue(queue, "b", "alt", Map.of());

    assertThat(vhost.route(vhost.exchange("a"), "k", Map.of())).containsExactly(queue);
    assertThat(vhost.route(vhost.exchange("a"), "alt", Map.of())).containsExactly(queue);
    assertThat(vhost.route(vhost.exchange("a"), "none", Map.of())).isEmpty();
    assertThat(vhost.route(vhost.exchange(""), "q", Map.of())).containsExactly(queue);
    assertThat(vhost.exchange("a").publishOut()).isEqualTo(2);
  }

  @Test
  void routesIntoAReusedResultEachQueueOnce() {
    List<MessageQueue> queues = new ArrayList<>();
    vhost.declareExchange(
        new ExchangeSettings("t", ExchangeType.TOPIC, false, false, false, Map.of()), false);
    for (int i = 0; i < 12; i++) {
      MessageQueue queue = vhost.declareQueue(queue("q" + i, false, null));
      queues.add(queue);
      vhost.bindQueue(queue, "t", "a.*", Map.of());
      vhost.bindQueue(queue, "t", "*.b", Map.of());
    }
    RoutedQueues routed = new RoutedQueues();

    vhost.route(vhost.exchange("t"), List.of("a.b", "a.c"), Map.of(), routed);
    assertThat(routed).containsExactlyElementsOf(queues);
    vhost.route(vhost.exchange("t"), List.of("x.y"), Map.of(), routed);
    assertThat(routed).isEmpty();
    vhost.route(vhost.exchange(""), List.of("q3", "q3", "q4"), Map.of(), routed);
    assertThat(routed).containsExactly(queues.get(3), queues.get(4));
  }

  @Test
  void deletingAQueueTakesItsBindingsAndTheAutoDeleteExchangeTheyLeftEmpty() {
    MessageQueue queue = vhost.declareQueue(queue("q", true, null));
    vhost.declareExchange(
        new ExchangeSettings("auto", ExchangeType.FANOUT, true, true, false, Map.of()), false);
    vhost.bindQueue(queue, "auto", "", Map.of());

    vhost.queueDeleted(queue);
    queue.forceDelete();

    assertThat(vhost.findExchange("auto")).isNull();
    assertThat(vhost.bindings()).isEmpty();
    assertThat(store.events)
        .containsExactly(
            "queue+ q",
            "exchange+ auto",
            "binding+ auto->q",
            "binding- auto->q",
            "exchange- auto",
            "queue- q");
  }

  @Test
  void onlyWhatSurvivesARestartReachesTheStore() {
    Object owner = new Object();
    MessageQueue exclusive = vhost.declareQueue(queue("excl", true, owner));
    MessageQueue transientQueue = vhost.declareQueue(queue("tmp", false, null));
    exchange("x", true, Map.of());
    vhost.bindQueue(exclusive, "x", "", Map.of());
    vhost.bindQueue(transientQueue, "x", "", Map.of());

    assertThat(store.events).containsExactly("exchange+ x");
  }

  @Test
  void anExclusiveQueueIsLockedToItsOwner() {
    Object owner = new Object();
    vhost.declareQueue(queue("excl", false, owner));

    assertThat(vhost.queue("excl", owner)).isNotNull();
    assertCode(() -> vhost.queue("excl", new Object()), ReplyCode.RESOURCE_LOCKED);
    assertCode(() -> vhost.declareQueue(queue("excl", false, null)), ReplyCode.RESOURCE_LOCKED);
    vhost.ownerClosed(owner);
    assertThat(vhost.findQueue("excl")).isNull();
  }

  @Test
  void reservedExchangesAreRefused() {
    assertCode(() -> exchange("amq.mine", false, Map.of()), ReplyCode.ACCESS_REFUSED);
    assertCode(() -> vhost.deleteExchange("amq.direct", false), ReplyCode.ACCESS_REFUSED);
    assertCode(() -> vhost.deleteExchange("", false), ReplyCode.ACCESS_REFUSED);
    assertCode(() -> vhost.bindExchange("", "amq.direct", "k", Map.of()), ReplyCode.ACCESS_REFUSED);
    assertThat(exchange("amq.direct", true, Map.of())).isSameAs(vhost.exchange("amq.direct"));
  }

  @Test
  void aPolicyReachesExistingAndNewExchangesAndLeavesWhenCleared() {
    Exchange before = exchange("ae.before", false, Map.of());
    vhost.setPolicy(
        new Policy(
            "/", "ae", "^ae\\.", Policy.ApplyTo.EXCHANGES, 0, Map.of("alternate-exchange", "z")));
    Exchange after = exchange("ae.after", false, Map.of());

    assertThat(before.alternateExchange()).isEqualTo("z");
    assertThat(after.alternateExchange()).isEqualTo("z");
    assertThat(vhost.clearPolicy("ae")).isTrue();
    assertThat(before.alternateExchange()).isNull();
  }

  private Exchange exchange(String name, boolean durable, Map<String, Object> arguments) {
    return vhost.declareExchange(
        new ExchangeSettings(name, ExchangeType.DIRECT, durable, false, false, arguments), false);
  }

  private static QueueSettings queue(String name, boolean durable, Object owner) {
    return new QueueSettings(name, "/", durable, owner, false, Map.of());
  }

  private static void assertCode(Runnable call, ReplyCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(code));
  }

  /** Records the topology changes the vhost reports, in order, except policies. */
  private static final class RecordingStore implements TopologyStore {
    final List<String> events = new ArrayList<>();

    @Override
    public void exchangeDeclared(String vhost, ExchangeSettings exchange) {
      events.add("exchange+ " + exchange.name());
    }

    @Override
    public void exchangeDeleted(String vhost, String exchange) {
      events.add("exchange- " + exchange);
    }

    @Override
    public void queueDeclared(QueueSettings queue) {
      events.add("queue+ " + queue.name());
    }

    @Override
    public void queueDeleted(String vhost, String queue) {
      events.add("queue- " + queue);
    }

    @Override
    public void policySet(Policy policy) {}

    @Override
    public void policyCleared(String vhost, String policy) {}

    @Override
    public void bindingAdded(
        String vhost,
        String source,
        String destination,
        boolean toExchange,
        String key,
        Map<String, Object> arguments) {
      events.add("binding+ " + source + "->" + destination);
    }

    @Override
    public void bindingRemoved(
        String vhost,
        String source,
        String destination,
        boolean toExchange,
        String key,
        Map<String, Object> arguments) {
      events.add("binding- " + source + "->" + destination);
    }
  }
}
