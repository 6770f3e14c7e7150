package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class URLParametersTest {

  @Test
  void fullUri() {
    URLParameters p =
        new URLParameters(
            "amqp://us%40er:p%3Ass@broker.example:5673/my%2Fvhost?heartbeat=30&frame_max=8192&channel_max=10&connection_attempts=3&retry_delay=0.5&connection_timeout=4&blocked_connection_timeout=2");
    assertThat(p.host()).isEqualTo("broker.example");
    assertThat(p.port()).isEqualTo(5673);
    assertThat(p.virtualHost()).isEqualTo("my/vhost");
    assertThat(p.credentials().username()).isEqualTo("us@er");
    assertThat(((PlainCredentials) p.credentials()).password()).isEqualTo("p:ss");
    assertThat(p.heartbeat()).isEqualTo(30);
    assertThat(p.frameMax()).isEqualTo(8192);
    assertThat(p.channelMax()).isEqualTo(10);
    assertThat(p.connectionAttempts()).isEqualTo(3);
    assertThat(p.retryDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.connectionTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.blockedConnectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.ssl()).isFalse();
  }

  @Test
  void vhostRulesFollowPika() {
    assertThat(new URLParameters("amqp://h").virtualHost()).isEqualTo("/");
    assertThat(new URLParameters("amqp://h/").virtualHost()).isEqualTo("/"); // pika: empty is "/"
    assertThat(new URLParameters("amqp://guest:guest@localhost:5672/").virtualHost())
        .isEqualTo("/");
    assertThat(new URLParameters("amqp://h/?heartbeat=5").virtualHost()).isEqualTo("/");
    assertThat(new URLParameters("amqp://h/prod").virtualHost()).isEqualTo("prod");
    assertThat(new URLParameters("amqp://h/prod%2Feu").virtualHost()).isEqualTo("prod/eu");
    assertThat(new URLParameters("amqp://h/%2Fprod").virtualHost()).isEqualTo("/prod");
    assertThat(new URLParameters("amqp://h/%2F").virtualHost()).isEqualTo("/");
    assertThat(new URLParameters("amqp://h/%2f").virtualHost()).isEqualTo("/");
    assertThat(new URLParameters("amqp://h/a+b").virtualHost()).isEqualTo("a+b");
    assertThatThrownBy(() -> new URLParameters("amqp://h/a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultsAndTls() {
    URLParameters plain = new URLParameters("amqp://");
    assertThat(plain.host()).isEqualTo("localhost");
    assertThat(plain.port()).isEqualTo(5672);
    assertThat(plain.credentials().username()).isEqualTo("guest");
    URLParameters tls = new URLParameters("AMQPS://h");
    assertThat(tls.ssl()).isTrue();
    assertThat(tls.port()).isEqualTo(5671);
  }

  @Test
  void ipv6AndMechanism() {
    URLParameters p = new URLParameters("amqp://u:p@[::1]:5674?auth_mechanism=amqplain");
    assertThat(p.host()).isEqualTo("::1");
    assertThat(p.port()).isEqualTo(5674);
    assertThat(p.credentials().mechanism()).isEqualTo("AMQPLAIN");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new URLParameters("http://h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new URLParameters("amqp://h?nope=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new URLParameters("amqp://h?heartbeat=x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new URLParameters("amqp://h/%zz"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
