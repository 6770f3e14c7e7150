package io.warrenmq.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import io.warrenmq.model.UnsignedByte;
import io.warrenmq.model.UnsignedInt;
import io.warrenmq.model.UnsignedShort;
import io.warrenmq.model.generated.ReplyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldTablesTest {

  @Test
  void everyValueTypeRoundTripsByteForByte() {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("t", true);
    table.put("b", (byte) -5);
    table.put("B", new UnsignedByte(250));
    table.put("s", (short) -300);
    table.put("u", new UnsignedShort(65_000));
    table.put("I", -70_000);
    table.put("i", new UnsignedInt(4_000_000_000L));
    table.put("l", Long.MIN_VALUE);
    table.put("f", 1.5f);
    table.put("d", -2.25);
    table.put("D", new BigDecimal("-12.345"));
    table.put("S", "h\u00e9llo");
    table.put("S-binary", LongString.of(new byte[] {(byte) 0xc3, 0x28}));
    table.put("x", new byte[] {1, 2, 3});
    table.put("A", List.of(1, "two", List.of(), Map.of()));
    table.put("T", Instant.ofEpochSecond(1_700_000_000L));
    table.put("F", Map.of("inner", Map.of("deeper", 1)));
    table.put("V", null);

    ByteBuf first = Unpooled.buffer();
    FieldTables.writeTable(first, table);
    assertThat(first.readableBytes()).isEqualTo(FieldTables.tableSize(table));
    Map<String, Object> decoded = FieldTables.readTable(first.duplicate());
    ByteBuf second = Unpooled.buffer();
    FieldTables.writeTable(second, decoded);
    assertThat(ByteBufUtil.hexDump(second)).isEqualTo(ByteBufUtil.hexDump(first));

    assertThat(decoded.keySet()).containsExactlyElementsOf(table.keySet());
    assertThat(decoded.get("B")).isEqualTo(new UnsignedByte(250));
    assertThat(decoded.get("S")).isEqualTo("h\u00e9llo");
    assertThat(decoded.get("S-binary")).isInstanceOf(LongString.class);
    assertThat((byte[]) decoded.get("x")).containsExactly(1, 2, 3);
    assertThat(decoded.get("D")).isEqualTo(new BigDecimal("-12.345"));
    assertThat(decoded).containsEntry("V", null);
    first.release();
    second.release();
  }

  @Test
  void datesEncodeAsTimestamps() {
    ByteBuf out = Unpooled.buffer();
    FieldTables.writeTable(out, Map.of("when", new Date(1_700_000_000_123L)));
    assertThat(FieldTables.readTable(out))
        .containsEntry("when", Instant.ofEpochSecond(1_700_000_000L));
    out.release();
  }

  @Test
  void decodedTablesAreUnmodifiable() {
    ByteBuf out = Unpooled.buffer();
    FieldTables.writeTable(out, Map.of("k", 1));
    Map<String, Object> decoded = FieldTables.readTable(out);
    assertThatThrownBy(() -> decoded.put("x", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(FieldTables.immutable(decoded)).isSameAs(decoded);
    out.release();
  }

  @Test
  void unknownTypeTagIsASyntaxError() {
    ByteBuf in = Unpooled.buffer().writeInt(3).writeByte(1).writeByte('k').writeByte('Z');
    assertThatThrownBy(() -> FieldTables.readTable(in))
        .isInstanceOfSatisfying(
            AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.SYNTAX_ERROR));
    in.release();
  }

  @Test
  void lengthThatOverrunsTheInputIsAFrameError() {
    ByteBuf in = Unpooled.buffer().writeInt(1_000_000).writeByte(1);
    assertThatThrownBy(() -> FieldTables.readTable(in))
        .isInstanceOfSatisfying(
            AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR));
    in.release();
  }

  @Test
  void valueThatOverrunsItsTableIsAFrameError() {
    // The table claims 4 bytes, but its long-string value claims 100 more.
    ByteBuf in =
        Unpooled.buffer()
            .writeInt(4)
            .writeByte(1)
            .writeByte('k')
            .writeByte('S')
            .writeByte(0)
            .writeInt(100);
    assertThatThrownBy(() -> FieldTables.readTable(in))
        .isInstanceOfSatisfying(
            AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR));
    in.release();
  }

  @Test
  void nestingIsCapped() {
    Map<String, Object> deep = Map.of();
    for (int i = 0; i <= FieldTables.MAX_DEPTH + 1; i++) {
      deep = Map.of("n", deep);
    }
    ByteBuf out = Unpooled.buffer();
    FieldTables.writeTable(out, deep);
    assertThatThrownBy(() -> FieldTables.readTable(out))
        .isInstanceOfSatisfying(
            AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.SYNTAX_ERROR));
    out.release();
  }

  @Test
  void shortStringsOver255BytesAreRefused() {
    String tooLong = "\u00e9".repeat(128);
    ByteBuf out = Unpooled.buffer();
    assertThatThrownBy(() -> Wire.writeShortString(out, tooLong))
        .isInstanceOfSatisfying(
            AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.SYNTAX_ERROR));
    assertThat(out.writerIndex()).isZero();
    assertThatThrownBy(() -> Wire.shortStringSize(tooLong)).isInstanceOf(AmqpException.class);
    out.release();
  }

  @Test
  void unsupportedJavaTypesAreRefusedBeforeWriting() {
    assertThatThrownBy(() -> FieldTables.tableSize(Map.of("k", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
