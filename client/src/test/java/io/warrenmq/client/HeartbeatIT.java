package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HeartbeatIT {

  @BeforeEach
  void broker() {
    TestBroker.assumeAvailable();
  }

  private static URLParameters viaProxy(FreezableProxy proxy) {
    URLParameters params = TestBroker.params();
    params.host("127.0.0.1").port(proxy.port()).heartbeat(1);
    return params;
  }

  @Test
  void heartbeatsKeepAnIdleConnectionAlive() throws Exception {
    URLParameters p = TestBroker.params();
    try (FreezableProxy proxy = new FreezableProxy(p.host(), p.port());
        BlockingConnection connection = new BlockingConnection(viaProxy(proxy))) {
      assertThat(connection.heartbeat()).isEqualTo(1);
      connection.sleep(3.5);
      assertThat(connection.isOpen()).isTrue();
      Thread.sleep(3500); // the user thread does nothing at all: the I/O thread still heartbeats
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void hungBrokerIsDetectedByTheIoThread() throws Exception {
    URLParameters p = TestBroker.params();
    try (FreezableProxy proxy = new FreezableProxy(p.host(), p.port())) {
      BlockingConnection connection = new BlockingConnection(viaProxy(proxy));
      proxy.freeze();
      TestBroker.await(Duration.ofSeconds(6), () -> !connection.isOpen());
      assertThatThrownBy(() -> connection.processDataEvents(0))
          .isInstanceOf(AMQPHeartbeatTimeout.class);
      connection.close();
    }
  }

  @Test
  void hungBrokerIsDetectedWhileTheCallbackIsBusy() throws Exception {
    URLParameters p = TestBroker.params();
    try (FreezableProxy proxy = new FreezableProxy(p.host(), p.port())) {
      BlockingConnection connection = new BlockingConnection(viaProxy(proxy));
      BlockingChannel channel = connection.channel();
      String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
      channel.basicPublish("", q, "go");
      AtomicBoolean seenDeadInCallback = new AtomicBoolean();
      AtomicLong detectedAfterMillis = new AtomicLong();
      channel.basicConsume(
          q,
          (ch, method, props, body) -> {
            proxy.freeze();
            long start = System.nanoTime();
            // Busy user code (no AMQP calls): pika could not notice anything here.
            while (System.nanoTime() - start < 8_000_000_000L && connection.isOpen()) {
              Thread.sleep(20);
            }
            seenDeadInCallback.set(!connection.isOpen());
            detectedAfterMillis.set((System.nanoTime() - start) / 1_000_000);
          },
          o -> o.autoAck(true));
      assertThatThrownBy(channel::startConsuming).isInstanceOf(AMQPHeartbeatTimeout.class);
      assertThat(seenDeadInCallback).isTrue();
      assertThat(detectedAfterMillis.get()).isLessThan(5000);
      connection.close();
    }
  }
}
