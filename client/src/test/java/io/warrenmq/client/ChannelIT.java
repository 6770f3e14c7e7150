package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChannelIT {
  private BlockingConnection connection;
  private BlockingChannel channel;
  private final List<String> queues = new ArrayList<>();
  private final List<String> exchanges = new ArrayList<>();

  @BeforeEach
  void open() {
    TestBroker.assumeAvailable();
    connection = TestBroker.connect();
    channel = connection.channel();
  }

  @AfterEach
  void cleanUp() {
    if (connection == null) {
      return;
    }
    try (BlockingConnection cleaner = TestBroker.connect()) {
      BlockingChannel ch = cleaner.channel();
      queues.forEach(ch::queueDelete);
      exchanges.forEach(ch::exchangeDelete);
    }
    connection.close();
  }

  private String queue(String prefix) {
    String name = TestBroker.unique(prefix);
    queues.add(name);
    return name;
  }

  private String exchange(String prefix) {
    String name = TestBroker.unique(prefix);
    exchanges.add(name);
    return name;
  }

  @Test
  void declaresQueuesAndReportsCounts() {
    String q = queue("q");
    QueueDeclareResult result = channel.queueDeclare(q, o -> o.durable(false));
    assertThat(result.method().queue()).isEqualTo(q);
    channel.basicPublish("", q, "one");
    channel.basicPublish("", q, "two");
    QueueDeclareResult again = channel.queueDeclare(q, o -> o.passive(true));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (again.messageCount() < 2 && System.nanoTime() < deadline) {
      again = channel.queueDeclare(q, o -> o.passive(true)); // queue counts lag publishes a little
    }
    assertThat(again.messageCount()).isEqualTo(2);
    assertThat(again.consumerCount()).isZero();
    assertThat(channel.queuePurge(q)).isEqualTo(2);
    channel.basicPublish("", q, "three");
    assertThat(channel.queueDelete(q)).isEqualTo(1);
  }

  @Test
  void serverNamedExclusiveQueue() {
    QueueDeclareResult result = channel.queueDeclare("", o -> o.exclusive(true));
    assertThat(result.method().queue()).startsWith("amq.gen-");
  }

  @Test
  void fanoutExchangeBindingAndUnbinding() {
    String x = exchange("logs");
    channel.exchangeDeclare(x, "fanout");
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.queueBind(q, x);
    channel.basicPublish(x, "", "info: hello");
    GetResponse got = pollGet(q);
    assertThat(got.bodyAsString()).isEqualTo("info: hello");
    assertThat(got.method().exchange()).isEqualTo(x);
    channel.basicAck(got.method().deliveryTag());
    channel.queueUnbind(q, x);
    channel.basicPublish(x, "", "lost");
    assertThat(channel.basicGet(q)).isNull();
  }

  @Test
  void exchangeToExchangeBindings() {
    String source = exchange("src");
    String destination = exchange("dst");
    channel.exchangeDeclare(source, "topic");
    channel.exchangeDeclare(destination, "fanout", o -> o.autoDelete(false).durable(false));
    channel.exchangeBind(destination, source, "a.*");
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.queueBind(q, destination, "");
    channel.basicPublish(source, "a.b", "routed");
    assertThat(pollGet(q).bodyAsString()).isEqualTo("routed");
    channel.exchangeUnbind(destination, source, "a.*");
    channel.basicPublish(source, "a.b", "dropped");
    assertThat(channel.basicGet(q, o -> o.autoAck(true))).isNull();
  }

  @Test
  void headersExchangeWithBindArguments() {
    String x = exchange("headers");
    channel.exchangeDeclare(x, "headers");
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.queueBind(q, x, "", o -> o.arguments(Map.of("x-match", "all", "kind", "a")));
    channel.basicPublish(
        x, "", "match", BasicProperties.builder().headers(Map.of("kind", "a")).build());
    channel.basicPublish(
        x, "", "no match", BasicProperties.builder().headers(Map.of("kind", "b")).build());
    assertThat(pollGet(q).bodyAsString()).isEqualTo("match");
    assertThat(channel.basicGet(q)).isNull();
    channel.queueUnbind(q, x, "", o -> o.arguments(Map.of("x-match", "all", "kind", "a")));
  }

  @Test
  void allPropertiesAndHeaderTypesRoundTrip() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    Map<String, Object> headers = new java.util.LinkedHashMap<>();
    headers.put("bool", true);
    headers.put("int", 42);
    headers.put("long", 1L << 40);
    headers.put("str", "text");
    headers.put("double", 1.5d);
    headers.put("list", List.of(1, "two"));
    headers.put("table", Map.of("k", "v"));
    headers.put("bytes", new byte[] {1, 2});
    BasicProperties props =
        BasicProperties.builder()
            .contentType("text/plain")
            .contentEncoding("utf-8")
            .headers(headers)
            .deliveryMode(2)
            .priority(3)
            .correlationId("c1")
            .replyTo("r")
            .expiration("60000")
            .messageId("m1")
            .timestamp(java.time.Instant.ofEpochSecond(1_700_000_000L))
            .type("t")
            .userId("guest")
            .appId("app")
            .clusterId("cl")
            .build();
    channel.basicPublish("", q, "body", props);
    GetResponse got = pollGet(q);
    assertThat(got.properties().correlationId()).isEqualTo("c1");
    assertThat(got.properties().deliveryMode()).isEqualTo(2);
    assertThat(got.properties().timestamp()).isEqualTo(props.timestamp());
    assertThat(got.properties().headers()).containsEntry("int", 42).containsEntry("bool", true);
    assertThat((byte[]) got.properties().headers().get("bytes")).containsExactly(1, 2);
  }

  @Test
  void largeBodiesAreSplitIntoFrames() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    byte[] body = new byte[1_000_000];
    new java.util.Random(1).nextBytes(body);
    channel.basicPublish("", q, body);
    assertThat(pollGet(q).body()).isEqualTo(body);
  }

  @Test
  void consumeAckNackRejectAndRedelivery() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.basicQos(1);
    channel.basicQos(o -> o.prefetchCount(1).global(false));
    for (String s : List.of("a", "b", "c")) {
      channel.basicPublish("", q, s);
    }
    List<String> seen = new ArrayList<>();
    channel.basicConsume(
        q,
        (ch, method, props, body) -> {
          String text = new String(body, StandardCharsets.UTF_8);
          seen.add(text + (method.redelivered() ? "!" : ""));
          if (text.equals("a") && !method.redelivered()) {
            ch.basicNack(method.deliveryTag());
          } else if (text.equals("b")) {
            ch.basicReject(method.deliveryTag(), o -> o.requeue(false));
          } else {
            ch.basicAck(method.deliveryTag());
          }
          if (seen.size() == 4) {
            ch.stopConsuming();
          }
        });
    channel.startConsuming();
    // prefetch 1: the nacked message goes back to the head of the queue and comes straight back
    assertThat(seen).containsExactly("a", "a!", "b", "c");
    assertThat(channel.queueDeclare(q, o -> o.passive(true)).messageCount()).isZero();
  }

  @Test
  void cancelledConsumerStopsAndHasNoConsumers() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    String tag = channel.basicConsume(q, (ch, m, p, b) -> {}, o -> o.consumerTag("mine"));
    assertThat(tag).isEqualTo("mine");
    assertThatThrownBy(
            () -> channel.basicConsume(q, (ch, m, p, b) -> {}, o -> o.consumerTag("mine")))
        .isInstanceOf(DuplicateConsumerTag.class);
    assertThat(channel.queueDeclare(q, o -> o.passive(true)).consumerCount()).isEqualTo(1);
    channel.basicCancel(tag);
    assertThat(channel.hasConsumers()).isFalse();
    assertThat(channel.queueDeclare(q, o -> o.passive(true)).consumerCount()).isZero();
    channel.startConsuming(); // returns at once: nothing to consume
  }

  @Test
  void consumeIteratorYieldsThenTimesOut() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.basicPublish("", q, "1");
    channel.basicPublish("", q, "2");
    List<String> bodies = new ArrayList<>();
    for (Delivery d : channel.consume(q, o -> o.inactivityTimeout(0.5))) {
      if (d == null) {
        break;
      }
      bodies.add(d.bodyAsString());
      channel.basicAck(d.method().deliveryTag());
    }
    assertThat(bodies).containsExactly("1", "2");
    assertThat(channel.cancel()).isZero();
  }

  @Test
  void basicRecoverRedelivers() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.basicPublish("", q, "x");
    List<Boolean> redelivered = new ArrayList<>();
    channel.basicConsume(q, (ch, m, p, b) -> redelivered.add(m.redelivered()));
    while (redelivered.isEmpty()) {
      connection.processDataEvents(1);
    }
    channel.basicRecover(o -> o.requeue(true));
    while (redelivered.size() < 2) {
      connection.processDataEvents(1);
    }
    assertThat(redelivered).containsExactly(false, true);
  }

  @Test
  void confirmDeliveryAcksRoutedAndRaisesUnroutable() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.confirmDelivery();
    channel.basicPublish("", q, "confirmed");
    channel.basicPublish("", q, "confirmed", o -> o.mandatory(true));
    assertThatThrownBy(
            () ->
                channel.basicPublish(
                    "", TestBroker.unique("nowhere"), "lost", o -> o.mandatory(true)))
        .isInstanceOfSatisfying(
            UnroutableError.class,
            e -> {
              assertThat(e.messages()).hasSize(1);
              assertThat(e.messages().get(0).method().replyCode()).isEqualTo(312);
            });
    channel.basicPublish("", TestBroker.unique("nowhere"), "dropped without mandatory");
    assertThat(channel.queueDeclare(q, o -> o.passive(true)).messageCount()).isEqualTo(2);
  }

  @Test
  void confirmModeNackOnOverflowRejectPublish() {
    String q =
        channel
            .queueDeclare(
                "",
                o ->
                    o.exclusive(true)
                        .arguments(Map.of("x-max-length", 1, "x-overflow", "reject-publish")))
            .method()
            .queue();
    channel.confirmDelivery();
    channel.basicPublish("", q, "fits");
    assertThatThrownBy(() -> channel.basicPublish("", q, "refused")).isInstanceOf(NackError.class);
  }

  @Test
  void returnsOutsideConfirmModeReachTheCallback() {
    List<Integer> codes = new ArrayList<>();
    channel.addOnReturnCallback((ch, method, props, body) -> codes.add(method.replyCode()));
    channel.basicPublish("", TestBroker.unique("nowhere"), "back", o -> o.mandatory(true));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (codes.isEmpty() && System.nanoTime() < deadline) {
      connection.processDataEvents(0.1);
    }
    assertThat(codes).containsExactly(312);
  }

  @Test
  void transactionsCommitAndRollBack() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.txSelect();
    channel.basicPublish("", q, "rolled back");
    channel.txRollback();
    channel.basicPublish("", q, "committed");
    channel.txCommit();
    assertThat(pollGet(q).bodyAsString()).isEqualTo("committed");
    channel.txCommit();
    assertThat(channel.basicGet(q)).isNull();
  }

  @Test
  void missingExchangeIs404AndChannelThenWrongState() {
    assertThatThrownBy(
            () ->
                channel.exchangeDeclare(TestBroker.unique("nope"), "direct", o -> o.passive(true)))
        .isInstanceOfSatisfying(
            ChannelClosedByBroker.class,
            e -> {
              assertThat(e.replyCode()).isEqualTo(404);
              assertThat(e.replyText()).startsWith("NOT_FOUND");
            });
    assertThat(channel.isOpen()).isFalse();
    assertThat(connection.isOpen()).isTrue();
    assertThatThrownBy(() -> channel.basicPublish("", "q", "x"))
        .isInstanceOf(ChannelWrongStateError.class);
    assertThat(connection.channel().isOpen()).isTrue();
  }

  @Test
  void publishToMissingExchangeSurfacesOnNextCall() throws Exception {
    channel.basicPublish(TestBroker.unique("absent"), "rk", "x");
    TestBroker.await(java.time.Duration.ofSeconds(5), () -> !channel.isOpen());
    assertThatThrownBy(() -> channel.queueDeclare("", o -> o.exclusive(true)))
        .isInstanceOfSatisfying(
            ChannelClosedByBroker.class, e -> assertThat(e.replyCode()).isEqualTo(404));
  }

  @Test
  void otherConnectionsExclusiveQueueIs405() {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    try (BlockingConnection other = TestBroker.connect()) {
      BlockingChannel ch = other.channel();
      assertThatThrownBy(() -> ch.basicConsume(q, (c, m, p, b) -> {}))
          .isInstanceOfSatisfying(
              ChannelClosedByBroker.class, e -> assertThat(e.replyCode()).isEqualTo(405));
    }
  }

  @Test
  void redeclareWithDifferentArgumentsIs406() {
    String q = queue("durable");
    channel.queueDeclare(q, o -> o.durable(true));
    assertThatThrownBy(() -> channel.queueDeclare(q, o -> o.durable(false)))
        .isInstanceOfSatisfying(
            ChannelClosedByBroker.class, e -> assertThat(e.replyCode()).isEqualTo(406));
  }

  @Test
  void deleteIfUnusedAndIfEmpty() {
    String q = queue("ifempty");
    channel.queueDeclare(q);
    channel.basicPublish("", q, "keep");
    assertThatThrownBy(() -> channel.queueDelete(q, o -> o.ifEmpty(true)))
        .isInstanceOfSatisfying(
            ChannelClosedByBroker.class, e -> assertThat(e.replyCode()).isEqualTo(406));
    BlockingChannel ch = connection.channel();
    String x = exchange("ifunused");
    ch.exchangeDeclare(x, "fanout");
    ch.queueBind(q, x);
    assertThatThrownBy(() -> ch.exchangeDelete(x, o -> o.ifUnused(true)))
        .isInstanceOf(ChannelClosedByBroker.class);
    BlockingChannel ch2 = connection.channel();
    ch2.queueUnbind(q, x);
    ch2.exchangeDelete(x, o -> o.ifUnused(true));
    ch2.queueDelete(q, o -> o.ifUnused(true));
  }

  @Test
  void publishingFromManyThreadsIsSafe() throws Exception {
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.confirmDelivery();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 250; i++) {
                  channel.basicPublish("", q, "m" + i);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(channel.queueDeclare(q, o -> o.passive(true)).messageCount()).isEqualTo(1000);
  }

  @Test
  void closeReportsClosedAtOnce() {
    for (int i = 0; i < 200; i++) {
      BlockingChannel ch = connection.channel();
      ch.close();
      assertThat(ch.isClosed()).isTrue();
    }
  }

  private GetResponse pollGet(String q) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      GetResponse got = channel.basicGet(q);
      if (got != null) {
        return got;
      }
    }
    throw new AssertionError("no message in " + q);
  }
}
