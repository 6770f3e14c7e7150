package io.warrenmq.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method in the spec survives encode then decode, twice over: once with zero values and once
 * with every bit set and large values, so each bit position and field width is exercised.
 */
class MethodRoundTripTest {

  static Stream<Arguments> everyMethod() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    for (Class<? extends Method> type : SpecMethods.all()) {
      cases.add(Arguments.of(type.getSimpleName(), instance(type, false)));
      cases.add(Arguments.of(type.getSimpleName(), instance(type, true)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyMethod")
  void roundTripsWhole(String name, Method method) {
    assertRoundTrip(method, false);
  }

  @ParameterizedTest(name = "{0} byte by byte")
  @MethodSource("everyMethod")
  void roundTripsByteByByte(String name, Method method) {
    assertRoundTrip(method, true);
  }

  private static void assertRoundTrip(Method method, boolean byteByByte) {
    ByteBuf bytes = Frames.encode(0, new MethodFrame(3, method));
    assertThat(bytes.readableBytes()).isEqualTo(FrameWriter.methodFrameSize(method));
    List<Object> frames = Frames.decode(bytes, byteByByte);
    assertThat(frames).containsExactly(new MethodFrame(3, method));
  }

  static Method instance(Class<? extends Method> type, boolean full) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = sample(types[i], full, i);
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private static Object sample(Class<?> type, boolean full, int position) {
    if (type == boolean.class) {
      return full;
    } else if (type == int.class) {
      return full ? 200 + position : 0;
    } else if (type == long.class) {
      return full ? 4_000_000_000L + position : 0L;
    } else if (type == String.class) {
      return full ? "field-" + position + "-\u00e9\u4e2d" : "";
    } else if (type == LongString.class) {
      return full
          ? LongString.of(new byte[] {0, 'g', 'u', 'e', 's', 't', 0, (byte) 0xff})
          : LongString.EMPTY;
    } else if (type == Instant.class) {
      return Instant.ofEpochSecond(full ? 1_700_000_000L : 0);
    } else if (type == Map.class) {
      Map<String, Object> table = new LinkedHashMap<>();
      if (full) {
        table.put("x-message-ttl", 60_000);
        table.put("x-queue-type", "quorum");
        table.put("nested", Map.of("flag", true));
      }
      return table;
    }
    throw new IllegalArgumentException("no sample for " + type);
  }
}
