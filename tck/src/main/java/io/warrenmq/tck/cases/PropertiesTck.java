package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.Delivery;
import io.warrenmq.client.GetResponse;
import io.warrenmq.model.LongString;
import io.warrenmq.model.UnsignedByte;
import io.warrenmq.model.UnsignedInt;
import io.warrenmq.model.UnsignedShort;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Message properties and headers: all 14 properties and every field-table type round-trip. */
@Tck
@Tag("properties")
class PropertiesTck {

  private static GetResponse roundTrip(TckBroker broker, byte[] body, BasicProperties props) {
    BlockingChannel ch = broker.channel();
    String q = tempQueue(ch);
    ch.basicPublish("", q, body, props);
    return ch.basicGet(q, o -> o.autoAck(true));
  }

  private static BasicProperties allFourteen(TckBroker broker) {
    return BasicProperties.builder()
        .contentType("application/json")
        .contentEncoding("gzip")
        .headers(Map.of("x-tck", "yes", "n", 42))
        .deliveryMode(2)
        .priority(7)
        .correlationId("corr-1")
        .replyTo("reply.queue")
        .expiration("600000")
        .messageId("msg-1")
        .timestamp(Instant.ofEpochSecond(1_700_000_000L))
        .type("tck.type")
        .userId(broker.user()) // RabbitMQ checks user_id against the connection's user
        .appId("warrenmq-tck")
        .clusterId("cluster-1")
        .build();
  }

  @Test
  @SpecRule(section = "1.8.1", text = "all 14 basic properties arrive as sent (basic.get)")
  void allFourteenPropertiesViaGet(TckBroker broker) {
    BasicProperties sent = allFourteen(broker);
    assertThat(roundTrip(broker, "p".getBytes(), sent).properties()).isEqualTo(sent);
  }

  @Test
  @SpecRule(section = "1.8.1", text = "all 14 basic properties arrive as sent (basic.deliver)")
  void allFourteenPropertiesViaDeliver(TckBroker broker) {
    BasicProperties sent = allFourteen(broker);
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    String q = tempQueue(ch);
    ch.basicPublish("", q, "p".getBytes(), sent);
    List<Delivery> got = new CopyOnWriteArrayList<>();
    ch.basicConsume(q, (c, m, p, b) -> got.add(new Delivery(m, p, b)), o -> o.autoAck(true));
    Wait.dispatching(connection, "the delivery", () -> got.size() == 1);
    assertThat(got.get(0).properties()).isEqualTo(sent);
  }

  @Test
  @SpecRule(section = "1.8.1", text = "a message without properties has none on delivery")
  void noPropertiesStayEmpty(TckBroker broker) {
    BasicProperties got = roundTrip(broker, "e".getBytes(), BasicProperties.EMPTY).properties();
    assertThat(got.flags()).isZero();
  }

  @Test
  @SpecRule(section = "1.8.1", text = "a single property is sent alone and arrives alone")
  void singlePropertyOnly(TckBroker broker) {
    BasicProperties sent = BasicProperties.builder().messageId("only-this").build();
    BasicProperties got = roundTrip(broker, "s".getBytes(), sent).properties();
    assertThat(got).isEqualTo(sent);
    assertThat(got.contentType()).isNull();
  }

  @Test
  @SpecRule(section = "1.8.1", text = "delivery_mode 1 (transient) arrives as 1")
  void transientDeliveryMode(TckBroker broker) {
    BasicProperties sent = BasicProperties.builder().deliveryMode(1).build();
    assertThat(roundTrip(broker, "t".getBytes(), sent).properties().deliveryMode()).isEqualTo(1);
  }

  @Test
  @SpecRule(section = "4.2.5.3", text = "short strings carry UTF-8 up to 255 bytes")
  void utf8AndLongestShortStrings(TckBroker broker) {
    String longest = "x".repeat(255);
    BasicProperties sent =
        BasicProperties.builder()
            .contentType("text/plain; charset=ünïcødé")
            .messageId(longest)
            .build();
    assertThat(roundTrip(broker, "u".getBytes(), sent).properties()).isEqualTo(sent);
  }

  @Test
  @SpecRule(section = "4.2.6", text = "bodies are opaque: every byte value survives")
  void binaryBodyIsOpaque(TckBroker broker) {
    byte[] body = new byte[256 * 4];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    assertThat(roundTrip(broker, body, BasicProperties.EMPTY).body()).isEqualTo(body);
  }

  @Test
  @SpecRule(section = "4.2.5.5", text = "a header with a 64 KiB long string survives")
  void largeHeaderValue(TckBroker broker) {
    String big = "v".repeat(64 * 1024);
    BasicProperties sent = BasicProperties.builder().headers(Map.of("big", big)).build();
    assertThat(roundTrip(broker, "b".getBytes(), sent).properties().headers())
        .containsEntry("big", big);
  }

  @Test
  @SpecRule(section = "4.2.5.5", text = "nested tables and arrays survive in headers")
  void nestedTablesAndArrays(TckBroker broker) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("list", List.of(1, "two", List.of(3L, true)));
    inner.put("table", Map.of("deep", Map.of("deeper", "yes")));
    BasicProperties sent = BasicProperties.builder().headers(Map.of("outer", inner)).build();
    assertThat(roundTrip(broker, "n".getBytes(), sent).properties().headers())
        .isEqualTo(sent.headers());
  }

  static Stream<Arguments> fieldValues() {
    return Stream.of(
        Arguments.of("t boolean", true),
        Arguments.of("b signed byte", (byte) -7),
        Arguments.of("B unsigned byte", new UnsignedByte(200)),
        Arguments.of("s signed short", (short) -1234),
        Arguments.of("u unsigned short", new UnsignedShort(60000)),
        Arguments.of("I signed int", -123456789),
        Arguments.of("i unsigned int", new UnsignedInt(4_000_000_000L)),
        Arguments.of("l signed long", Long.MIN_VALUE + 1),
        Arguments.of("f float", 3.25f),
        Arguments.of("d double", -2.5e100),
        Arguments.of("D decimal", new BigDecimal("123.45")),
        Arguments.of("S long string", "a UTF-8 string: ✓"),
        Arguments.of("S long string (not UTF-8)", LongString.of(new byte[] {(byte) 0xff, 0})),
        Arguments.of("x byte array", new byte[] {1, 2, 3, (byte) 0xfe}),
        Arguments.of("A array", List.of(1, "two", true)),
        Arguments.of("T timestamp", Instant.ofEpochSecond(1_600_000_000L)),
        Arguments.of("F table", Map.of("k", "v")),
        Arguments.of("V void", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldValues")
  @SpecRule(section = "4.2.5.5", text = "every field-table value type round-trips in headers")
  void fieldTableTypeRoundTrips(String type, Object value, TckBroker broker) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("value", value);
    BasicProperties sent = BasicProperties.builder().headers(headers).build();
    Map<String, Object> got = roundTrip(broker, "f".getBytes(), sent).properties().headers();
    assertThat(got).containsKey("value");
    if (value instanceof byte[] bytes) {
      assertThat((byte[]) got.get("value")).isEqualTo(bytes);
    } else {
      assertThat(got.get("value")).as(type).isEqualTo(value);
    }
  }

  @Test
  @SpecRule(section = "4.2.5.5", text = "all value types together in one table keep their order")
  void allTypesInOneTable(TckBroker broker) {
    Map<String, Object> headers = new LinkedHashMap<>();
    fieldValues()
        .forEach(
            a ->
                headers.put(
                    (String) a.get()[0], a.get()[1] instanceof byte[] ? "bytes" : a.get()[1]));
    BasicProperties sent = BasicProperties.builder().headers(headers).build();
    Map<String, Object> got =
        roundTrip(broker, "all".getBytes(StandardCharsets.UTF_8), sent).properties().headers();
    assertThat(got.keySet()).containsExactlyElementsOf(headers.keySet());
    assertThat(got).isEqualTo(headers);
  }
}
