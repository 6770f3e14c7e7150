package io.warrenmq.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.connection.AmqpConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Per-queue publisher credit, driven by the official RabbitMQ Java client: a queue whose only
 * consumer is stalled grows past its high mark (10,000 ready messages), the connection publishing
 * to it stops being read, silently, without losing its heartbeat, while other connections go on;
 * once a consumer drains the queue the publisher is read again and nothing was lost.
 */
@Timeout(60)
class PublisherCreditIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static EmbeddedBroker broker;
  private final List<Connection> opened = new ArrayList<>();

  @BeforeAll
  static void start() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @AfterEach
  void closeConnections() {
    for (Connection connection : opened) {
      try {
        connection.close(2000);
      } catch (Exception ignored) {
        // Best effort: the test is over.
      }
    }
  }

  @Test
  void overloadedQueuePausesItsPublisherUntilDrained() throws Exception {
    ConnectionFactory slowHeart = factory();
    slowHeart.setRequestedHeartbeat(1);
    Connection publisherConnection = slowHeart.newConnection("publisher");
    opened.add(publisherConnection);
    List<String> blockedEvents = new ArrayList<>();
    publisherConnection.addBlockedListener(
        reason -> blockedEvents.add("blocked"), () -> blockedEvents.add("unblocked"));
    Channel publisher = publisherConnection.createChannel();
    Channel observer = open("observer").createChannel();
    for (String queue : List.of("credit.work", "credit.late", "credit.other")) {
      observer.queueDeclare(queue, false, false, false, null);
    }
    // A consumer that takes one message and never acks: the queue has a consumer, far behind.
    Channel stalled = open("stalled").createChannel();
    stalled.basicQos(1);
    stalled.basicConsume("credit.work", false, (tag, delivery) -> {}, tag -> {});

    int sent = 0;
    while (!anyInFlow()) {
      for (int i = 0; i < 100; i++) {
        publisher.basicPublish("", "credit.work", null, body(sent++));
      }
      int expected = sent;
      await(() -> anyInFlow() || count(observer, "credit.work") + 1 == expected);
      assertThat(sent).as("publishes before the queue withheld credit").isLessThan(30_000);
    }
    assertThat(sent).isGreaterThanOrEqualTo(10_000);

    // Reading is paused: what we publish now stays in the socket. Absence can only be watched
    // for a while; watch it past two heartbeat timeouts, which must not close the connection
    // (its heartbeats are unread because of us, not because the peer died).
    for (int i = 0; i < 5; i++) {
      publisher.basicPublish("", "credit.late", null, body(i));
    }
    long until = System.nanoTime() + Duration.ofMillis(4500).toNanos();
    while (System.nanoTime() < until) {
      assertThat(count(observer, "credit.late")).isZero();
      assertThat(publisherConnection.isOpen()).isTrue();
      Thread.sleep(50);
    }
    assertThat(blockedEvents).isEmpty(); // credit flow is silent
    assertThat(managementConnections()).containsPattern("\"state\"\\s*:\\s*\"flow\"");

    // Other connections are read meanwhile.
    observer.basicPublish("", "credit.other", null, body(7));
    GetResponse other = await(() -> observer.basicGet("credit.other", true));
    assertThat(ByteBuffer.wrap(other.getBody()).getInt()).isEqualTo(7);

    // A consumer drains the queue: the publisher is read again, nothing lost or duplicated.
    Set<Integer> work = ConcurrentHashMap.newKeySet();
    Set<Integer> late = ConcurrentHashMap.newKeySet();
    Channel drain = open("drain").createChannel();
    drain.basicConsume(
        "credit.work",
        true,
        (tag, delivery) -> work.add(ByteBuffer.wrap(delivery.getBody()).getInt()),
        tag -> {});
    drain.basicConsume(
        "credit.late",
        true,
        (tag, delivery) -> late.add(ByteBuffer.wrap(delivery.getBody()).getInt()),
        tag -> {});
    await(() -> late.size() == 5);
    int total = sent;
    await(() -> work.size() == total - 1); // the stalled consumer holds one
    assertThat(anyInFlow()).isFalse();
    assertThat(publisherConnection.isOpen()).isTrue();
    assertThat(blockedEvents).isEmpty();
  }

  /** GET /api/connections, as the management UI reads it. */
  private static String managementConnections() throws Exception {
    String auth =
        Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + broker.managementPort() + "/api/connections"))
            .header("Authorization", "Basic " + auth)
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static boolean anyInFlow() {
    return broker.broker().connections().stream().anyMatch(AmqpConnection::isInFlow);
  }

  private Connection open(String name) throws Exception {
    Connection connection = factory().newConnection(name);
    opened.add(connection);
    return connection;
  }

  private static ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(broker.host());
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(5000);
    factory.setChannelRpcTimeout(5000);
    factory.setShutdownTimeout(1000);
    return factory;
  }

  private static byte[] body(int seq) {
    return ByteBuffer.allocate(16).putInt(seq).array();
  }

  private static long count(Channel channel, String queue) {
    try {
      return channel.messageCount(queue);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private interface Probe<T> {
    T get() throws Exception;
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition) throws Exception {
    await(() -> condition.holds() ? Boolean.TRUE : null);
  }

  private static <T> T await(Probe<T> probe) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (T value; ; ) {
      value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(5);
    }
  }
}
