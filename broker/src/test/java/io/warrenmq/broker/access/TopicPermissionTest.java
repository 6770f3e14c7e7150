package io.warrenmq.broker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPermissionTest {
  private static final Map<String, String> VARS = Map.of("username", "ann", "vhost", "v1");

  @Test
  void expandsVariablesBeforeMatching() {
    TopicPermission p = TopicPermission.of("x", "^{username}\\.", "^{vhost}$");
    assertThat(p.allows(Permission.WRITE, "ann.a", VARS)).isTrue();
    assertThat(p.allows(Permission.WRITE, "bob.a", VARS)).isFalse();
    assertThat(p.allows(Permission.READ, "v1", VARS)).isTrue();
    assertThat(p.allows(Permission.READ, "v2", VARS)).isFalse();
  }

  @Test
  void aVariableWithoutAValueStaysLiteralAsInRabbitMq() {
    TopicPermission p = TopicPermission.of("x", "^c\\.{client_id}$", "");
    assertThat(p.allows(Permission.WRITE, "c.{client_id}", VARS)).isTrue();
    assertThat(p.allows(Permission.WRITE, "c.abc", VARS)).isFalse();
    assertThat(p.allows(Permission.WRITE, "c.abc", Map.of("client_id", "abc"))).isTrue();
  }

  @Test
  void unanchoredEmptyMeansNothingAndQuantifiersStillWork() {
    TopicPermission p = TopicPermission.of("x", "a{2}", "");
    assertThat(p.allows(Permission.WRITE, "xaax", VARS)).isTrue();
    assertThat(p.allows(Permission.WRITE, "xax", VARS)).isFalse();
    assertThat(p.allows(Permission.READ, "", VARS)).isTrue();
    assertThat(p.allows(Permission.READ, "k", VARS)).isFalse();
  }

  @Test
  void rejectsAnInvalidExpression() {
    assertThatThrownBy(() -> TopicPermission.of("x", "(", ".*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid regular expression");
  }
}
