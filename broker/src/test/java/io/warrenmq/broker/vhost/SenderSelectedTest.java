package io.warrenmq.broker.vhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.BasicProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderSelectedTest {

  private static BasicProperties headers(Map<String, Object> headers) {
    return BasicProperties.builder().headers(headers).build();
  }

  @Test
  void noHeadersMeansTheRoutingKeyAlone() {
    assertThat(SenderSelected.routingKeys("k", BasicProperties.builder().build()))
        .containsExactly("k");
    assertThat(SenderSelected.routingKeys("k", headers(Map.of("x", "y")))).containsExactly("k");
  }

  @Test
  void ccThenBccKeysFollowTheRoutingKey() {
    var props = headers(Map.of("CC", List.of("a", 7, "b"), "BCC", List.of("c")));
    assertThat(SenderSelected.routingKeys("k", props)).containsExactly("k", "a", "b", "c");
  }

  @Test
  void headerThatIsNotAnArrayIsPreconditionFailed() {
    assertThatThrownBy(() -> SenderSelected.routingKeys("k", headers(Map.of("BCC", 5))))
        .isInstanceOf(AmqpException.class)
        .hasMessageContaining("unacceptable_type_in_header,\"BCC\",signedint");
  }

  @Test
  void bccIsRemovedAndTheRestKept() {
    var props = headers(Map.of("BCC", List.of("c"), "CC", List.of("a")));
    assertThat(SenderSelected.withoutBcc(props).headers()).containsOnlyKeys("CC");
    var plain = headers(Map.of("CC", List.of("a")));
    assertThat(SenderSelected.withoutBcc(plain)).isSameAs(plain);
  }
}
