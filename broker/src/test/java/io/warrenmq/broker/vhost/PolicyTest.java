package io.warrenmq.broker.vhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {
  private static Policy policy(String name, String pattern, Policy.ApplyTo applyTo, int priority) {
    return new Policy("/", name, pattern, applyTo, priority, Map.of("max-length", 1L));
  }

  @Test
  void patternIsSearchedNotAnchoredAndApplyToSelectsTheKind() {
    Policy queues = policy("q", "task", Policy.ApplyTo.QUEUES, 0);
    assertThat(queues.appliesTo(true, "my_task_queue")).isTrue();
    assertThat(queues.appliesTo(false, "my_task_queue")).isFalse();
    assertThat(policy("a", "^x$", Policy.ApplyTo.ALL, 0).appliesTo(false, "x")).isTrue();
  }

  @Test
  void theHighestPriorityMatchAppliesAlone() {
    Policy low = policy("low", ".*", Policy.ApplyTo.ALL, 1);
    Policy high = policy("high", "^q", Policy.ApplyTo.QUEUES, 5);
    Policy other = policy("other", "^z", Policy.ApplyTo.ALL, 9);
    assertThat(Policies.match(List.of(low, high, other), true, "q1")).isEqualTo(high);
    assertThat(Policies.match(List.of(low, high, other), false, "q1")).isEqualTo(low);
    assertThat(Policies.match(List.of(other), true, "q1")).isNull();
  }

  @Test
  void badPatternAndApplyToGetRabbitMqTexts() {
    assertThatThrownBy(() -> Policy.ApplyTo.of("foo"))
        .hasMessage(
            "Validation failed\n\napply-to 'foo' unrecognised; should be 'queues', 'exchanges' or"
                + " 'all'\n");
    assertThatThrownBy(() -> policy("p", "(", Policy.ApplyTo.ALL, 0))
        .hasMessageStartingWith("Validation failed\n\npattern should be regular expression");
  }

  @Test
  void definitionKeysAndValuesAreCheckedAsRabbitMqDoes() {
    PolicyDefinition.validate(
        Map.of(
            "message-ttl",
            0L,
            "expires",
            1L,
            "max-length",
            0L,
            "max-length-bytes",
            10L,
            "overflow",
            "reject-publish-dlx",
            "dead-letter-exchange",
            "dlx",
            "dead-letter-routing-key",
            "k",
            "alternate-exchange",
            "ae"));
    assertThatThrownBy(() -> PolicyDefinition.validate(Map.of("single-active-consumer", true)))
        .hasMessage(
            "Validation failed\n\n[{<<\"single-active-consumer\">>,true}] are not recognised"
                + " policy settings\n");
    assertThatThrownBy(() -> PolicyDefinition.validate(Map.of("max-length-bytes", -2L)))
        .hasMessage("Validation failed\n\n-2 is not a valid maximum length in bytes\n");
    assertThatThrownBy(() -> PolicyDefinition.validate(Map.of("dead-letter-exchange", 1L)))
        .hasMessage("Validation failed\n\n1 is not a valid dead letter exchange name\n");
    assertThatThrownBy(() -> PolicyDefinition.validate(Map.of()))
        .hasMessage("Validation failed\n\nno policy provided\n");
  }
}
