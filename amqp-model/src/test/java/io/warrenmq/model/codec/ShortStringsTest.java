package io.warrenmq.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Short strings read through the per-thread cache: same values, reused instances, any bytes. */
class ShortStringsTest {

  @Test
  void theSameBytesGiveTheSameInstanceAndOtherBytesTheirOwnValue() {
    String first = read("amq.direct");
    String again = read("amq.direct");
    String other = read("amq.directX");

    assertThat(again).isEqualTo("amq.direct").isSameAs(first);
    assertThat(other).isEqualTo("amq.directX");
    assertThat(read("")).isEmpty();
  }

  @Test
  void manyDistinctValuesAllDecodeCorrectly() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1000; i++) {
        assertThat(read("key." + i)).isEqualTo("key." + i);
      }
    }
  }

  @Test
  void nonAsciiAndMalformedBytesDecodeAsUtf8() {
    assertThat(read("café-ключ")).isEqualTo("café-ключ");
    ByteBuf in = Unpooled.buffer().writeByte(2).writeByte(0xC3).writeByte('x');
    try {
      assertThat(Wire.readShortString(in))
          .isEqualTo(new String(new byte[] {(byte) 0xC3, 'x'}, StandardCharsets.UTF_8));
    } finally {
      in.release();
    }
  }

  @Test
  void readsFromDirectBuffersAndAdvancesPastTheString() {
    ByteBuf in = Unpooled.directBuffer();
    try {
      byte[] bytes = "routing.key".getBytes(StandardCharsets.US_ASCII);
      in.writeByte(bytes.length).writeBytes(bytes).writeByte(7);
      assertThat(Wire.readShortString(in)).isEqualTo("routing.key");
      assertThat(in.readByte()).isEqualTo((byte) 7);
    } finally {
      in.release();
    }
  }

  private static String read(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ByteBuf in = Unpooled.buffer().writeByte(bytes.length).writeBytes(bytes);
    try {
      return Wire.readShortString(in);
    } finally {
      in.release();
    }
  }
}
