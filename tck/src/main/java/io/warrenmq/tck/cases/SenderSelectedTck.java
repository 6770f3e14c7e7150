package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.drain;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.GetResponse;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sender-selected distribution (a RabbitMQ extension): the {@code CC} and {@code BCC} headers,
 * string arrays, add routing keys to the publish's own; {@code BCC} is removed from what is
 * delivered.
 */
@Tck
@Tag("sender-selected")
class SenderSelectedTck {

  private static BlockingChannel confirmed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.confirmDelivery();
    return ch;
  }

  private static BasicProperties headers(Map<String, Object> headers) {
    return BasicProperties.builder().headers(headers).build();
  }

  @Test
  @SpecRule(section = "rabbitmq:sender-selected", text = "CC keys route copies; CC stays visible")
  void ccAddsRoutingKeys(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String to = tempQueue(ch);
    String cc = tempQueue(ch);
    ch.basicPublish("", to, "m", headers(Map.of("CC", List.of(cc))));
    GetResponse copy = ch.basicGet(cc, o -> o.autoAck(true));
    assertThat(copy.bodyAsString()).isEqualTo("m");
    assertThat(copy.method().routingKey()).isEqualTo(to);
    assertThat(copy.properties().headers()).containsEntry("CC", List.of(cc));
    assertThat(drain(ch, to)).containsExactly("m");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:sender-selected",
      text = "BCC keys route copies and BCC is stripped from every copy")
  void bccIsStripped(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String to = tempQueue(ch);
    String bcc = tempQueue(ch);
    ch.basicPublish("", to, "m", headers(Map.of("BCC", List.of(bcc), "other", "kept")));
    for (String q : List.of(to, bcc)) {
      GetResponse r = ch.basicGet(q, o -> o.autoAck(true));
      assertThat(r).as(q).isNotNull();
      assertThat(r.properties().headers()).containsEntry("other", "kept").doesNotContainKey("BCC");
    }
  }

  @Test
  @SpecRule(
      section = "rabbitmq:sender-selected",
      text = "CC and BCC route through a direct exchange; each queue gets one copy")
  void keysRouteThroughDirectExchange(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String x = broker.exchange("cc-direct");
    ch.exchangeDeclare(x, "direct");
    String a = tempQueue(ch);
    String b = tempQueue(ch);
    String c = tempQueue(ch);
    ch.queueBind(a, x, "a");
    ch.queueBind(b, x, "b");
    ch.queueBind(c, x, "c");
    ch.queueBind(a, x, "also-a");
    ch.basicPublish(
        x, "a", "m", headers(Map.of("CC", List.of("b", "also-a"), "BCC", List.of("c", "a"))));
    assertThat(drain(ch, a)).containsExactly("m");
    assertThat(drain(ch, b)).containsExactly("m");
    assertThat(drain(ch, c)).containsExactly("m");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:sender-selected",
      text = "a message routed only by BCC is delivered, without its BCC header")
  void routedOnlyByBcc(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String bcc = tempQueue(ch);
    ch.basicPublish("", TckBroker.unique("nobody"), "m", headers(Map.of("BCC", List.of(bcc))));
    GetResponse r = ch.basicGet(bcc, o -> o.autoAck(true));
    assertThat(r.bodyAsString()).isEqualTo("m");
    assertThat(r.properties().headers() == null ? Map.of() : r.properties().headers())
        .doesNotContainKey("BCC");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:sender-selected",
      text = "non-string elements of a CC array are ignored")
  void nonStringElementsIgnored(TckBroker broker) {
    BlockingChannel ch = confirmed(broker);
    String to = tempQueue(ch);
    String cc = tempQueue(ch);
    ch.basicPublish("", to, "m", headers(Map.of("CC", List.of(42, cc))));
    assertThat(drain(ch, cc)).containsExactly("m");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:sender-selected",
      text = "a CC header that is not an array: 406 PRECONDITION_FAILED")
  void ccNotAnArrayIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    String to = tempQueue(ch);
    Errors.asyncChannelError(
        ch, 406, () -> ch.basicPublish("", to, "m", headers(Map.of("CC", to))));
  }
}
