package io.warrenmq.broker.vhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.model.LongString;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersMatcherTest {

  @Test
  void allNeedsEveryArgument() {
    Map<String, Object> binding = Map.of("x-match", "all", "a", 1, "b", "x");
    assertThat(HeadersMatcher.matches(binding, Map.of("a", 1L, "b", LongString.of("x")))).isTrue();
    assertThat(HeadersMatcher.matches(binding, Map.of("a", 1))).isFalse();
    assertThat(HeadersMatcher.matches(Map.of("a", 1), Map.of("a", 1, "z", 2))).isTrue();
  }

  @Test
  void anyNeedsOneArgument() {
    Map<String, Object> binding = Map.of("x-match", "any", "a", 1, "b", "x");
    assertThat(HeadersMatcher.matches(binding, Map.of("b", "x"))).isTrue();
    assertThat(HeadersMatcher.matches(binding, Map.of("c", 1))).isFalse();
    assertThat(HeadersMatcher.matches(Map.of("x-match", "any"), Map.of("c", 1))).isFalse();
  }

  @Test
  void xKeysCountOnlyWithX() {
    assertThat(HeadersMatcher.matches(Map.of("x-match", "all", "x-k", 1), Map.of())).isTrue();
    assertThat(HeadersMatcher.matches(Map.of("x-match", "all-with-x", "x-k", 1), Map.of()))
        .isFalse();
    assertThat(HeadersMatcher.matches(Map.of("x-match", "any-with-x", "x-k", 1), Map.of("x-k", 1)))
        .isTrue();
  }

  @Test
  void voidArgumentMatchesPresence() {
    Map<String, Object> binding = new HashMap<>();
    binding.put("a", null);
    assertThat(HeadersMatcher.matches(binding, Map.of("a", "anything"))).isTrue();
    assertThat(HeadersMatcher.matches(binding, Map.of("b", 1))).isFalse();
  }
}
