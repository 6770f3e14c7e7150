package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Publisher confirms without waiting per publish: waitForConfirms* and the confirm callback. */
@Timeout(30)
class ConfirmIT {
  private BlockingConnection connection;
  private BlockingChannel channel;

  @BeforeEach
  void open() {
    TestBroker.assumeAvailable();
    connection = TestBroker.connect();
    channel = connection.channel();
  }

  @AfterEach
  void close() {
    if (connection != null) {
      connection.close();
    }
  }

  private String exclusiveQueue(Map<String, Object> arguments) {
    return channel.queueDeclare("", o -> o.exclusive(true).arguments(arguments)).method().queue();
  }

  @Test
  void sequenceNumbersAndBatchWait() {
    String q = exclusiveQueue(Map.of());
    assertThat(channel.nextPublishSeqNo()).isZero();
    channel.confirmDelivery(o -> o.waitForEach(false));
    assertThat(channel.isConfirmDelivery()).isTrue();
    for (int i = 0; i < 1000; i++) {
      assertThat(channel.nextPublishSeqNo()).isEqualTo(i + 1);
      channel.basicPublish("", q, "m" + i);
    }
    channel.waitForConfirmsOrDie(5);
    assertThat(channel.waitForConfirms(5)).isTrue();
    assertThat(channel.queueDeclare(q, o -> o.passive(true)).messageCount()).isEqualTo(1000);
  }

  @Test
  void callbackSeesEveryTagOnTheDispatchingThreadAndMultipleAcks() {
    String q = exclusiveQueue(Map.of());
    channel.confirmDelivery(o -> o.waitForEach(false));
    ConcurrentNavigableMap<Long, String> outstanding = new ConcurrentSkipListMap<>();
    List<Boolean> multiples = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<Long> tags = new ArrayList<>();
    channel.addOnConfirmCallback(
        (tag, multiple, ack) -> {
          assertThat(ack).isTrue();
          threads.add(Thread.currentThread());
          multiples.add(multiple);
          tags.add(tag);
          if (multiple) {
            outstanding.headMap(tag, true).clear();
          } else {
            outstanding.remove(tag);
          }
        });
    int count = 5000;
    for (int i = 0; i < count; i++) {
      outstanding.put(channel.nextPublishSeqNo(), "m" + i);
      channel.basicPublish("", q, "m" + i);
    }
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
      connection.processDataEvents(0.1);
    }
    assertThat(outstanding).isEmpty();
    assertThat(threads).containsOnly(Thread.currentThread());
    assertThat(tags).isSorted();
    assertThat(tags.get(tags.size() - 1)).isEqualTo(count);
    // RabbitMQ acks a stream of publishes with multiple=true once they pile up.
    assertThat(multiples).contains(true);
  }

  @Test
  void nacksFromRejectPublishOverflow() {
    String q = exclusiveQueue(Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
    channel.confirmDelivery(o -> o.waitForEach(false));
    List<String> confirms = new ArrayList<>();
    long[] lastTag = {0};
    // RabbitMQ may fold nacks together (nack 3 with multiple=true also nacks 2): expand them.
    channel.addOnConfirmCallback(
        (tag, multiple, ack) -> {
          for (long t = multiple ? lastTag[0] + 1 : tag; t <= tag; t++) {
            confirms.add((ack ? "ack:" : "nack:") + t);
          }
          lastTag[0] = Math.max(lastTag[0], tag);
        });
    channel.basicPublish("", q, "fits");
    channel.basicPublish("", q, "refused");
    channel.basicPublish("", q, "refused too");
    assertThatThrownBy(() -> channel.waitForConfirmsOrDie(5))
        .isInstanceOfSatisfying(
            NackError.class,
            e ->
                assertThat(e.messages())
                    .extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                    .containsExactly("refused", "refused too"));
    channel.basicPublish("", q, "refused again");
    assertThat(channel.waitForConfirms(5)).isFalse();
    assertThat(channel.waitForConfirms(5)).isTrue(); // each nack is reported once
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (confirms.size() < 4 && System.nanoTime() < deadline) {
      connection.processDataEvents(0.1);
    }
    assertThat(confirms).containsExactly("ack:1", "nack:2", "nack:3", "nack:4");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void unroutableMandatoryIsReportedByWaitForConfirmsOrDie() {
    String q = exclusiveQueue(Map.of());
    channel.confirmDelivery(o -> o.waitForEach(false));
    List<Integer> returnCodes = new ArrayList<>();
    channel.addOnReturnCallback((ch, method, props, body) -> returnCodes.add(method.replyCode()));
    channel.basicPublish("", q, "routed", o -> o.mandatory(true));
    channel.basicPublish("", TestBroker.unique("nowhere"), "lost", o -> o.mandatory(true));
    assertThatThrownBy(() -> channel.waitForConfirmsOrDie(5))
        .isInstanceOfSatisfying(
            UnroutableError.class,
            e -> {
              assertThat(e.messages()).hasSize(1);
              assertThat(e.messages().get(0).method().replyCode()).isEqualTo(312);
            });
    connection.processDataEvents(1);
    assertThat(returnCodes).containsExactly(312);
    channel.waitForConfirmsOrDie(5); // reported once
  }

  @Test
  void waitForEachStaysTheDefaultAndCanBeTurnedBackOn() {
    String q = exclusiveQueue(Map.of());
    assertThatThrownBy(() -> channel.waitForConfirms(1)).isInstanceOf(ChannelWrongStateError.class);
    channel.confirmDelivery(o -> o.waitForEach(false));
    channel.basicPublish("", q, "async");
    channel.confirmDelivery(); // back to pika's wait per publish
    assertThatThrownBy(
            () ->
                channel.basicPublish(
                    "", TestBroker.unique("nowhere"), "lost", o -> o.mandatory(true)))
        .isInstanceOf(UnroutableError.class);
    assertThat(channel.waitForConfirms(5)).isTrue(); // everything is confirmed already
    assertThat(channel.nextPublishSeqNo()).isEqualTo(3);
  }
}
