package io.warrenmq.broker.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.BasicProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueArgumentsTest {

  private static QueueSettings settings(Map<String, Object> args) {
    return new QueueSettings("q", "/", false, null, false, args);
  }

  @Test
  void plainQueueHasNoFeatures() {
    QueueArguments args = QueueArguments.of(settings(Map.of()));
    assertThat(args.hasMessageTtl()).isFalse();
    assertThat(args.hasLengthLimit()).isFalse();
    assertThat(args.hasPriorities()).isFalse();
    assertThat(args.keepsMessagesInMemory()).isFalse();
  }

  @Test
  void readsRabbitArguments() {
    QueueArguments args =
        QueueArguments.of(
            settings(
                Map.of(
                    "x-message-ttl",
                    10,
                    "x-max-length",
                    5L,
                    "x-overflow",
                    "reject-publish-dlx",
                    "x-dead-letter-exchange",
                    "dlx",
                    "x-max-priority",
                    (byte) 9)));
    assertThat(args.messageTtl()).isEqualTo(10);
    assertThat(args.maxLength()).isEqualTo(5);
    assertThat(args.overflow()).isEqualTo(QueueArguments.Overflow.REJECT_PUBLISH_DLX);
    assertThat(args.maxPriority()).isEqualTo(9);
    assertThat(args.keepsMessagesInMemory()).isTrue();
  }

  @Test
  void refusesWhatRabbitRefuses() {
    assertThatThrownBy(() -> QueueArguments.of(settings(Map.of("x-max-priority", 256))))
        .isInstanceOf(AmqpException.class)
        .hasMessageContaining("invalid arg 'x-max-priority' for queue 'q' in vhost '/'");
    assertThatThrownBy(() -> QueueArguments.of(settings(Map.of("x-expires", 0))))
        .hasMessageContaining("{value_zero,0}");
    assertThatThrownBy(() -> QueueArguments.of(settings(Map.of("x-max-length", -1))))
        .hasMessageContaining("{value_negative,-1}");
    assertThatThrownBy(() -> QueueArguments.of(settings(Map.of("x-message-ttl", "10"))))
        .hasMessageContaining("\"expected integer, got longstr\"");
    assertThatThrownBy(() -> QueueArguments.of(settings(Map.of("x-dead-letter-routing-key", "k"))))
        .hasMessageContaining("routing_key_but_no_dlx_defined");
    assertThatThrownBy(() -> QueueArguments.of(settings(Map.of("x-overflow", "sideways"))))
        .hasMessageEndingWith("queue 'q' in vhost '/': invalid_overflow");
    assertThatThrownBy(() -> QueueArguments.of(settings(Map.of("x-dead-letter-exchange", 5))))
        .hasMessageContaining("invalid type 'signedint' for arg 'x-dead-letter-exchange' in queue");
  }

  @Test
  void expirationMustBeANonNegativeInteger() {
    assertThatThrownBy(() -> MessageTtl.checkExpiration(expiring("soon")))
        .hasMessageContaining("invalid expiration 'soon': no_integer");
    assertThatThrownBy(() -> MessageTtl.checkExpiration(expiring("-5")))
        .hasMessageContaining("{value_negative,-5}");
    MessageTtl.checkExpiration(expiring("0"));
    MessageTtl.checkExpiration(expiring("60000"));
  }

  private static BasicProperties expiring(String expiration) {
    return BasicProperties.builder().expiration(expiration).build();
  }
}
