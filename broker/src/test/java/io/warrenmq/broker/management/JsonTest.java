package io.warrenmq.broker.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesObjectsArraysAndEscapes() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "a\"b\\c\n\u0001");
    value.put("n", 3L);
    value.put("ok", true);
    value.put("none", null);
    value.put("list", List.of(1, "x"));
    value.put("bytes", "hé".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(JsonWriter.write(value))
        .isEqualTo(
            "{\"name\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":3,\"ok\":true,\"none\":null,"
                + "\"list\":[1,\"x\"],\"bytes\":\"hé\"}");
  }

  @Test
  void parsesWhatItWrites() {
    String text = "{\"a\": \"x\\u00e9\\/\", \"b\": [1, 2.5, -3, true, false, null], \"c\": {}}";
    Map<String, Object> parsed = JsonReader.parseObject(text);
    assertThat(parsed.get("a")).isEqualTo("xé/");
    assertThat(parsed.get("b")).isEqualTo(java.util.Arrays.asList(1L, 2.5, -3L, true, false, null));
    assertThat(parsed.get("c")).isEqualTo(Map.of());
    assertThat(JsonReader.parseObject(JsonWriter.write(parsed))).isEqualTo(parsed);
  }

  @Test
  void emptyBodyIsAnEmptyObject() {
    assertThat(JsonReader.parseObject("  ")).isEmpty();
  }

  @Test
  void malformedInputIsABadRequest() {
    for (String bad :
        new String[] {"{", "[1]", "{\"a\":}", "{\"a\":1} x", "{\"a\":\"x}", "{a:1}"}) {
      assertThatThrownBy(() -> JsonReader.parseObject(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.status().code()).isEqualTo(400));
    }
  }
}
