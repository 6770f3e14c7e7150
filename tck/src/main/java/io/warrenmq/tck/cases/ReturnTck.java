package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** basic.return of mandatory messages that no queue took. */
@Tck
@Tag("returns")
class ReturnTck {

  private static List<ReturnedMessage> returns(BlockingChannel ch) {
    List<ReturnedMessage> returned = new CopyOnWriteArrayList<>();
    ch.addOnReturnCallback((c, m, p, b) -> returned.add(new ReturnedMessage(m, p, b)));
    return returned;
  }

  /** Publishes, then a round trip and a dispatch, so any return has been seen. */
  private static void settle(BlockingConnection connection, BlockingChannel ch) {
    ch.exchangeDeclare("amq.direct", "direct", o -> o.passive(true));
    connection.processDataEvents(0.1);
  }

  @Test
  @SpecRule(section = "1.8.3.8", text = "mandatory and unroutable: returned with 312 NO_ROUTE")
  void mandatoryUnroutableIsReturned(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<ReturnedMessage> returned = returns(ch);
    String key = TckBroker.unique("nowhere");
    ch.basicPublish("amq.direct", key, "back", o -> o.mandatory(true));
    Wait.dispatching(connection, "basic.return", () -> returned.size() == 1);
    ReturnedMessage r = returned.get(0);
    assertThat(r.method().replyCode()).isEqualTo(312);
    assertThat(r.method().exchange()).isEqualTo("amq.direct");
    assertThat(r.method().routingKey()).isEqualTo(key);
    assertThat(new String(r.body())).isEqualTo("back");
  }

  @Test
  @SpecRule(section = "1.8.3.7", text = "unroutable without mandatory is dropped silently")
  void nonMandatoryUnroutableIsDropped(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<ReturnedMessage> returned = returns(ch);
    ch.basicPublish("amq.direct", TckBroker.unique("nowhere"), "lost");
    settle(connection, ch);
    assertThat(returned).isEmpty();
  }

  @Test
  @SpecRule(section = "1.8.3.7", text = "mandatory and routed: no return")
  void mandatoryRoutedIsNotReturned(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<ReturnedMessage> returned = returns(ch);
    String q = tempQueue(ch);
    ch.basicPublish("", q, "kept", o -> o.mandatory(true));
    settle(connection, ch);
    assertThat(returned).isEmpty();
    assertThat(ch.basicGet(q, o -> o.autoAck(true)).bodyAsString()).isEqualTo("kept");
  }

  @Test
  @SpecRule(section = "1.8.3.8", text = "default exchange, no such queue, mandatory: returned")
  void mandatoryToMissingQueueViaDefaultExchange(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<ReturnedMessage> returned = returns(ch);
    ch.basicPublish("", TckBroker.unique("no-queue"), "back", o -> o.mandatory(true));
    Wait.dispatching(connection, "basic.return", () -> returned.size() == 1);
    assertThat(returned.get(0).method().replyCode()).isEqualTo(312);
    assertThat(returned.get(0).method().exchange()).isEmpty();
  }

  @Test
  @SpecRule(section = "1.8.3.8", text = "a returned message keeps its properties and headers")
  void returnKeepsProperties(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<ReturnedMessage> returned = returns(ch);
    BasicProperties props =
        BasicProperties.builder()
            .contentType("text/plain")
            .correlationId("c-1")
            .headers(Map.of("h", "v"))
            .build();
    ch.basicPublish(
        "amq.direct",
        TckBroker.unique("nowhere"),
        "body".getBytes(),
        o -> o.mandatory(true).properties(props));
    Wait.dispatching(connection, "basic.return", () -> returned.size() == 1);
    BasicProperties back = returned.get(0).properties();
    assertThat(back.contentType()).isEqualTo("text/plain");
    assertThat(back.correlationId()).isEqualTo("c-1");
    assertThat(back.headers()).containsEntry("h", "v");
  }

  @Test
  @SpecRule(section = "1.8.3.8", text = "a fanout with no bindings returns mandatory messages")
  void fanoutWithoutBindingsReturns(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String x = broker.exchange("empty-fanout");
    ch.exchangeDeclare(x, "fanout");
    List<ReturnedMessage> returned = returns(ch);
    ch.basicPublish(x, "", "back", o -> o.mandatory(true));
    Wait.dispatching(connection, "basic.return", () -> returned.size() == 1);
    assertThat(returned.get(0).method().replyCode()).isEqualTo(312);
  }

  @Test
  @SpecRule(
      section = "1.8.3.8",
      text = "each unroutable mandatory message is returned once, in order")
  void returnsComeInOrder(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    List<ReturnedMessage> returned = returns(ch);
    for (int i = 0; i < 5; i++) {
      ch.basicPublish("amq.direct", "tck-nowhere", "r" + i, o -> o.mandatory(true));
    }
    Wait.dispatching(connection, "five returns", () -> returned.size() == 5);
    assertThat(returned)
        .extracting(r -> new String(r.body()))
        .containsExactly("r0", "r1", "r2", "r3", "r4");
  }
}
