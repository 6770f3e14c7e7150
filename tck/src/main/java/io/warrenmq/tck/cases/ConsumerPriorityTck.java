package io.warrenmq.tck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.tck.Messages;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Consumer priorities ({@code x-priority} on basic.consume) and single active consumer ({@code
 * x-single-active-consumer}). Tagged queue-extensions: the in-process run excludes them until
 * WarrenMQ's queue actor implements them (see tck/pom.xml).
 */
@Tck
@Tag("queue-extensions")
class ConsumerPriorityTck {

  @Test
  @SpecRule(
      section = "rabbitmq:consumer-priority",
      text = "the higher-priority consumer gets every message while it has credit")
  void higherPriorityConsumerFirst(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = MessageTtlTck.declare(broker, ch, Map.of());
    ch.basicQos(20);
    List<String> low = new CopyOnWriteArrayList<>();
    List<String> high = new CopyOnWriteArrayList<>();
    ch.basicConsume(
        q, (c, m, p, b) -> low.add(new String(b)), o -> o.arguments(Map.of("x-priority", 1)));
    ch.basicConsume(
        q, (c, m, p, b) -> high.add(new String(b)), o -> o.arguments(Map.of("x-priority", 10)));
    BlockingChannel publisher = MessageTtlTck.confirmed(broker);
    for (int i = 0; i < 5; i++) {
      publisher.basicPublish("", q, "m" + i);
    }
    Wait.dispatching(connection, "five deliveries", () -> low.size() + high.size() == 5);
    assertThat(high).containsExactly("m0", "m1", "m2", "m3", "m4");
    assertThat(low).isEmpty();
  }

  @Test
  @SpecRule(
      section = "rabbitmq:single-active-consumer",
      text = "one consumer gets everything; when it goes the next one takes over")
  void singleActiveConsumerFailsOver(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel first = connection.channel();
    BlockingChannel second = connection.channel();
    String q = MessageTtlTck.declare(broker, first, Map.of("x-single-active-consumer", true));
    List<String> toFirst = new CopyOnWriteArrayList<>();
    List<String> toSecond = new CopyOnWriteArrayList<>();
    String firstTag =
        first.basicConsume(q, (c, m, p, b) -> toFirst.add(new String(b)), o -> o.autoAck(true));
    second.basicConsume(q, (c, m, p, b) -> toSecond.add(new String(b)), o -> o.autoAck(true));
    BlockingChannel publisher = MessageTtlTck.confirmed(broker);
    for (int i = 0; i < 3; i++) {
      publisher.basicPublish("", q, "a" + i);
    }
    Wait.dispatching(connection, "three deliveries", () -> toFirst.size() == 3);
    first.basicCancel(firstTag);
    publisher.basicPublish("", q, "b0");
    publisher.basicPublish("", q, "b1");
    Wait.dispatching(connection, "the failover", () -> toSecond.size() == 2);
    assertThat(toFirst).containsExactly("a0", "a1", "a2");
    assertThat(toSecond).containsExactly("b0", "b1");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:single-active-consumer",
      text = "unacked messages of the active consumer go to the next one when its channel closes")
  void unackedMovesToNextActiveConsumer(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel first = connection.channel();
    BlockingChannel second = connection.channel();
    String q = MessageTtlTck.declare(broker, second, Map.of("x-single-active-consumer", true));
    List<String> toFirst = new CopyOnWriteArrayList<>();
    List<String> toSecond = new CopyOnWriteArrayList<>();
    first.basicConsume(q, (c, m, p, b) -> toFirst.add(new String(b)));
    second.basicConsume(q, (c, m, p, b) -> toSecond.add(new String(b)), o -> o.autoAck(true));
    BlockingChannel publisher = MessageTtlTck.confirmed(broker);
    publisher.basicPublish("", q, "m1");
    publisher.basicPublish("", q, "m2");
    Wait.dispatching(connection, "both to the active consumer", () -> toFirst.size() == 2);
    assertThat(toSecond).isEmpty();
    first.close();
    Wait.dispatching(connection, "the redeliveries", () -> toSecond.size() == 2);
    assertThat(toSecond).containsExactly("m1", "m2");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:consumer-priority",
      text = "a lower-priority consumer gets messages while the higher one has no credit")
  void lowerPriorityConsumerWhenHigherIsFull(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = MessageTtlTck.declare(broker, ch, Map.of());
    ch.basicQos(1);
    List<String> low = new CopyOnWriteArrayList<>();
    List<String> high = new CopyOnWriteArrayList<>();
    ch.basicConsume(
        q, (c, m, p, b) -> low.add(new String(b)), o -> o.arguments(Map.of("x-priority", 1)));
    ch.basicConsume(
        q, (c, m, p, b) -> high.add(new String(b)), o -> o.arguments(Map.of("x-priority", 10)));
    BlockingChannel publisher = MessageTtlTck.confirmed(broker);
    publisher.basicPublish("", q, "m0");
    publisher.basicPublish("", q, "m1");
    Wait.dispatching(connection, "two deliveries", () -> low.size() + high.size() == 2);
    assertThat(high).containsExactly("m0");
    assertThat(low).containsExactly("m1");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:single-active-consumer",
      text = "while the active consumer has no credit the others get nothing")
  void inactiveConsumersWaitWhileActiveIsFull(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = MessageTtlTck.declare(broker, ch, Map.of("x-single-active-consumer", true));
    ch.basicQos(1);
    List<String> active = new CopyOnWriteArrayList<>();
    List<String> waiting = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> active.add(new String(b)));
    ch.basicConsume(q, (c, m, p, b) -> waiting.add(new String(b)));
    BlockingChannel publisher = MessageTtlTck.confirmed(broker);
    publisher.basicPublish("", q, "m0");
    publisher.basicPublish("", q, "m1");
    Wait.dispatching(connection, "the first delivery", () -> active.size() == 1);
    Wait.until("one message left ready", () -> Messages.count(publisher, q) == 1);
    connection.processDataEvents();
    assertThat(active).containsExactly("m0");
    assertThat(waiting).isEmpty();
  }
}
