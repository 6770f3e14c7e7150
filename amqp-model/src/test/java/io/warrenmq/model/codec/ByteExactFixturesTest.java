package io.warrenmq.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.warrenmq.model.ContentBodyFrame;
import io.warrenmq.model.ContentHeaderFrame;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.LongString;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.UnsignedByte;
import io.warrenmq.model.UnsignedInt;
import io.warrenmq.model.UnsignedShort;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.Queue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden frames written by hand from the AMQP 0-9-1 spec (resources {@code fixtures/*.hex}, one
 * commented field per line), so that a symmetric mistake in our encoder and decoder cannot pass:
 * each must decode to the record we expect and that record must encode back to the same bytes.
 */
class ByteExactFixturesTest {
  private static final Instant NOV_2023 = Instant.ofEpochSecond(1_700_000_000L);

  static Stream<Arguments> fixtures() {
    return Stream.of(
        fixture("connection-start", ByteExactFixturesTest::connectionStart),
        fixture("connection-start-ok", ByteExactFixturesTest::connectionStartOk),
        fixture("connection-tune", () -> new MethodFrame(0, new Connection.Tune(2047, 131072, 60))),
        fixture("queue-declare", ByteExactFixturesTest::queueDeclare),
        fixture(
            "queue-declare-ok", () -> new MethodFrame(1, new Queue.DeclareOk("orders", 70_000, 3))),
        fixture(
            "basic-publish",
            () -> new MethodFrame(1, new Basic.Publish("amq.direct", "orders", true, false))),
        fixture(
            "basic-deliver",
            () ->
                new MethodFrame(
                    7, new Basic.Deliver("ctag-1", (1L << 32) + 2, true, "amq.direct", "orders"))),
        fixture("content-header-all-properties", ByteExactFixturesTest::allProperties),
        fixture("content-header-field-table", ByteExactFixturesTest::everyFieldType),
        fixture(
            "content-body",
            () ->
                new ContentBodyFrame(1, Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII))),
        fixture("heartbeat", () -> HeartbeatFrame.INSTANCE));
  }

  private static Arguments fixture(String name, Supplier<Frame> expected) {
    return Arguments.of(name, expected);
  }

  private static Frame connectionStart() {
    Map<String, Object> serverProperties =
        table("product", "WarrenMQ", "capabilities", table("basic.nack", true));
    return new MethodFrame(
        0,
        new Connection.Start(
            0, 9, serverProperties, LongString.of("PLAIN AMQPLAIN"), LongString.of("en_US")));
  }

  private static Frame connectionStartOk() {
    byte[] plain = "\0guest\0guest".getBytes(StandardCharsets.US_ASCII);
    return new MethodFrame(
        0,
        new Connection.StartOk(
            table("product", "WarrenMQ"), "PLAIN", LongString.of(plain), "en_US"));
  }

  private static Frame queueDeclare() {
    Map<String, Object> arguments = table("x-message-ttl", 60_000, "x-queue-type", "classic");
    return new MethodFrame(
        1, new Queue.Declare("orders", false, true, false, true, false, arguments));
  }

  private static Frame allProperties() {
    BasicProperties properties =
        BasicProperties.builder()
            .contentType("text/plain")
            .contentEncoding("utf-8")
            .headers(table("trace", true))
            .deliveryMode(2)
            .priority(5)
            .correlationId("c-1")
            .replyTo("replies")
            .expiration("60000")
            .messageId("m-1")
            .timestamp(NOV_2023)
            .type("order")
            .userId("guest")
            .appId("shop")
            .clusterId("c1")
            .build();
    return new ContentHeaderFrame(1, 60, 1234, properties);
  }

  private static Frame everyFieldType() {
    BasicProperties properties = BasicProperties.builder().headers(everyFieldTypeTable()).build();
    return new ContentHeaderFrame(2, 60, 0, properties);
  }

  /** The Java side of every tag, as FieldTables' javadoc maps them. */
  private static Map<String, Object> everyFieldTypeTable() {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("t", true);
    table.put("b", (byte) -2);
    table.put("B", new UnsignedByte(254));
    table.put("s", (short) -2);
    table.put("u", new UnsignedShort(65534));
    table.put("I", -2);
    table.put("i", new UnsignedInt(4294967294L));
    table.put("l", -2L);
    table.put("f", 1.5f);
    table.put("d", -0.25d);
    table.put("D", new BigDecimal("123.45"));
    table.put("S", "h\u00e9");
    table.put("x", new byte[] {0x00, (byte) 0xff, (byte) 0x80});
    table.put("A", Arrays.asList(1, "a", null));
    table.put("T", NOV_2023);
    table.put("F", table("n", false));
    table.put("V", null);
    return table;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void decodesToTheExpectedFrame(String name, Supplier<Frame> expected) {
    List<Object> frames = decode(List.of(buffer(hex(name))));
    assertSameFrames(frames, List.of(expected.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void decodesWhenFedOneByteAtATime(String name, Supplier<Frame> expected) {
    List<ByteBuf> bytes = new ArrayList<>();
    for (byte b : hex(name)) {
      bytes.add(ByteBufAllocator.DEFAULT.buffer(1).writeByte(b));
    }
    assertSameFrames(decode(bytes), List.of(expected.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void encodesToExactlyTheFixtureBytes(String name, Supplier<Frame> expected) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameEncoder());
    channel.writeOutbound(expected.get());
    ByteBuf written = Unpooled.buffer();
    try {
      for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
        written.writeBytes(part);
        part.release();
      }
      assertThat(channel.finish()).isFalse();
      assertThat(HexFormat.of().formatHex(ByteBufUtil.getBytes(written)))
          .isEqualTo(HexFormat.of().formatHex(hex(name)));
    } finally {
      written.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void frameWriterSizesMatchTheFixtureLength(String name, Supplier<Frame> expected) {
    Frame frame = expected.get();
    int length = hex(name).length;
    if (frame instanceof MethodFrame method) {
      assertThat(FrameWriter.methodFrameSize(method.method())).isEqualTo(length);
    } else if (frame instanceof ContentHeaderFrame header) {
      assertThat(FrameWriter.headerFrameSize(header.properties())).isEqualTo(length);
    }
    ReferenceCountUtil.release(frame);
  }

  /** Frames that share a read, or that reads cut anywhere, must come out the same. */
  @Test
  void allFixturesBackToBackDecodeInOrderHoweverTheStreamIsCut() {
    ByteBuf stream = Unpooled.buffer();
    fixtures().forEach(args -> stream.writeBytes(hex((String) args.get()[0])));
    byte[] all = ByteBufUtil.getBytes(stream);
    stream.release();
    Random random = new Random(0x0A3C0901L);
    for (int round = 0; round < 20; round++) {
      // Round 0 cuts anywhere in the stream; later rounds mostly cut inside frames.
      int maxRead = round == 0 ? all.length : 64;
      List<ByteBuf> reads = new ArrayList<>();
      for (int at = 0; at < all.length; ) {
        int length = Math.min(all.length - at, 1 + random.nextInt(maxRead));
        reads.add(ByteBufAllocator.DEFAULT.buffer(length).writeBytes(all, at, length));
        at += length;
      }
      List<Frame> expected =
          fixtures().map(args -> (Frame) ((Supplier<?>) args.get()[1]).get()).toList();
      assertSameFrames(decode(reads), expected);
    }
  }

  /** The table codec alone, on the table inside the field-table fixture (after 21 header bytes). */
  @Test
  void fieldTableCodecMatchesTheFixtureOnItsOwn() {
    byte[] frame = hex("content-header-field-table");
    byte[] table = Arrays.copyOfRange(frame, 21, frame.length - 1);
    ByteBuf in = Unpooled.wrappedBuffer(table);
    Map<String, Object> decoded = FieldTables.readTable(in);
    assertThat(in.isReadable()).isFalse();
    assertThat(comparable(decoded)).isEqualTo(comparable(everyFieldTypeTable()));
    assertThat(FieldTables.tableSize(everyFieldTypeTable())).isEqualTo(table.length);
    ByteBuf out = Unpooled.buffer();
    try {
      FieldTables.writeTable(out, everyFieldTypeTable());
      assertThat(HexFormat.of().formatHex(ByteBufUtil.getBytes(out)))
          .isEqualTo(HexFormat.of().formatHex(table));
    } finally {
      out.release();
    }
  }

  /** Decodes the reads in order and returns the frames; the caller releases them. */
  private static List<Object> decode(List<ByteBuf> reads) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(4096));
    List<Object> frames = new ArrayList<>();
    for (ByteBuf read : reads) {
      channel.writeInbound(read);
      for (Object frame; (frame = channel.readInbound()) != null; ) {
        frames.add(frame);
      }
    }
    assertThat(channel.finish()).as("decoder left bytes or frames behind").isFalse();
    return frames;
  }

  /** Compares, then releases both sides, also when the comparison fails. */
  private static void assertSameFrames(List<Object> actual, List<Frame> expected) {
    try {
      assertThat(actual.stream().map(ByteExactFixturesTest::comparable).toList())
          .isEqualTo(expected.stream().map(ByteExactFixturesTest::comparable).toList());
    } finally {
      actual.forEach(ReferenceCountUtil::release);
      expected.forEach(ReferenceCountUtil::release);
    }
  }

  /**
   * A value whose equals is deep and order- and type-sensitive: records become their components,
   * maps their entries in order, byte arrays and bodies their hex. Plain equals would compare
   * {@code byte[]} by identity and tables without regard to wire order.
   */
  private static Object comparable(Object value) {
    if (value instanceof ContentBodyFrame body) {
      return List.of("body", body.channel(), ByteBufUtil.hexDump(body.content()));
    } else if (value instanceof Record record) {
      List<Object> parts = new ArrayList<>();
      parts.add(
          record.getClass().getName().replaceFirst("^io\\.warrenmq\\.model\\.(generated\\.)?", ""));
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          parts.add(comparable(component.getAccessor().invoke(record)));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      return parts;
    } else if (value instanceof Map<?, ?> map) {
      List<Object> entries = new ArrayList<>();
      map.forEach((k, v) -> entries.add(new SimpleImmutableEntry<>(k, comparable(v))));
      return entries;
    } else if (value instanceof List<?> list) {
      return list.stream().map(ByteExactFixturesTest::comparable).toList();
    } else if (value instanceof byte[] bytes) {
      return "x:" + HexFormat.of().formatHex(bytes);
    }
    return value;
  }

  private static Map<String, Object> table(Object... namesAndValues) {
    Map<String, Object> table = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      table.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return table;
  }

  private static ByteBuf buffer(byte[] bytes) {
    return ByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
  }

  /** The bytes of {@code fixtures/NAME.hex}: hex digits, whitespace, and '#' comments. */
  private static byte[] hex(String name) {
    String resource = "/fixtures/" + name + ".hex";
    try (InputStream in = ByteExactFixturesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      StringBuilder digits = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int comment = line.indexOf('#');
        digits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s+", ""));
      }
      return HexFormat.of().parseHex(digits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
