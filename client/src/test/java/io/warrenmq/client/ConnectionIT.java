package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectionIT {

  @BeforeEach
  void broker() {
    TestBroker.assumeAvailable();
  }

  @Test
  void opensNegotiatesAndCloses() {
    URLParameters params = TestBroker.params();
    params.heartbeat(7).frameMax(65536).channelMax(100);
    BlockingConnection connection = new BlockingConnection(params);
    assertThat(connection.isOpen()).isTrue();
    assertThat(connection.heartbeat()).isEqualTo(7);
    assertThat(connection.frameMax()).isEqualTo(65536);
    assertThat(connection.channelMax()).isEqualTo(100);
    BlockingChannel channel = connection.channel();
    assertThat(channel.isOpen()).isTrue();
    connection.close();
    assertThat(connection.isOpen()).isFalse();
    assertThat(channel.isOpen()).isFalse();
    assertThatThrownBy(channel::basicRecover).isInstanceOf(ConnectionClosedByClient.class);
    assertThatThrownBy(connection::channel).isInstanceOf(ConnectionClosedByClient.class);
    connection.close(); // idempotent
  }

  @Test
  void amqplainLogsIn() {
    URLParameters params = TestBroker.params();
    params.credentials(((PlainCredentials) params.credentials()).amqplain());
    try (BlockingConnection connection = new BlockingConnection(params)) {
      assertThat(connection.channel().isOpen()).isTrue();
    }
  }

  @Test
  void wrongPasswordIsProbableAuthenticationError() {
    URLParameters params = TestBroker.params();
    params.credentials(new PlainCredentials("guest", "not-the-password"));
    assertThatThrownBy(() -> new BlockingConnection(params))
        .isInstanceOf(ProbableAuthenticationError.class)
        .satisfies(e -> assertThat(((AMQPError) e).replyCode()).isEqualTo(403));
  }

  @Test
  void unknownVirtualHostIsAccessDenied() {
    URLParameters params = TestBroker.params();
    params.virtualHost(TestBroker.unique("vhost"));
    assertThatThrownBy(() -> new BlockingConnection(params))
        .isInstanceOf(ProbableAccessDeniedError.class)
        .satisfies(e -> assertThat(((AMQPError) e).replyCode()).isEqualTo(530));
  }

  @Test
  void nothingListeningIsConnectionError() {
    ConnectionParameters params =
        new ConnectionParameters(
            "127.0.0.1", p -> p.port(1).connectionTimeout(Duration.ofSeconds(2)));
    assertThatThrownBy(() -> new BlockingConnection(params))
        .isInstanceOf(AMQPConnectionError.class);
  }

  @Test
  void manyChannelsGetDistinctNumbersAndNumbersAreReused() {
    try (BlockingConnection connection = TestBroker.connect()) {
      List<BlockingChannel> channels = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        channels.add(connection.channel());
      }
      assertThat(channels.stream().map(BlockingChannel::channelNumber).distinct()).hasSize(20);
      channels.forEach(BlockingChannel::close);
      assertThat(connection.channel().isOpen()).isTrue();
    }
  }

  @Test
  void clientPropertiesReachTheBroker() {
    URLParameters params = TestBroker.params();
    params.clientProperties(Map.of("connection_name", "warrenmq-it"));
    try (BlockingConnection connection = new BlockingConnection(params)) {
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void processDataEventsRunsThreadsafeCallbacksAndSleepKeepsServicing() throws Exception {
    try (BlockingConnection connection = TestBroker.connect()) {
      List<String> ran = new ArrayList<>();
      Thread other = new Thread(() -> connection.addCallbackThreadsafe(() -> ran.add("cb")));
      other.start();
      other.join();
      connection.processDataEvents(5);
      assertThat(ran).containsExactly("cb");
      long start = System.nanoTime();
      connection.sleep(0.2);
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void brokerForcedCloseIsConnectionClosedByBroker() throws Exception {
    String name = TestBroker.unique("forced");
    URLParameters params = TestBroker.params();
    params.clientProperties(Map.of("connection_name", name));
    BlockingConnection connection = new BlockingConnection(params);
    BlockingChannel channel = connection.channel();
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "rabbitmqctl list_connections pid client_properties | grep '"
                    + name
                    + "' | awk '{print $1}' | xargs -I{} rabbitmqctl close_connection '{}' bye")
            .redirectErrorStream(true)
            .start();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "rabbitmqctl not usable");
    TestBroker.await(Duration.ofSeconds(15), () -> !connection.isOpen());
    assertThatThrownBy(() -> connection.processDataEvents(0))
        .isInstanceOf(ConnectionClosedByBroker.class)
        .satisfies(e -> assertThat(((AMQPError) e).replyCode()).isEqualTo(320));
    assertThatThrownBy(() -> channel.queueDeclare("x"))
        .isInstanceOf(ConnectionClosedByBroker.class);
    connection.close();
  }
}
