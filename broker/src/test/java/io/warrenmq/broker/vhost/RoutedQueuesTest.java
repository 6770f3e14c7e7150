package io.warrenmq.broker.vhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.ImmediateEventExecutor;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reusable route result: each queue once, first-reached order, clean after each clear. */
class RoutedQueuesTest {
  private final List<MessageQueue> made = new ArrayList<>();
  private final RoutedQueues routed = new RoutedQueues();

  @AfterEach
  void deleteQueues() {
    made.forEach(MessageQueue::forceDelete);
  }

  @Test
  void keepsEachQueueOnceInFirstReachedOrder() {
    MessageQueue a = queue("a");
    MessageQueue b = queue("b");

    assertThat(routed.add(a)).isTrue();
    assertThat(routed.add(b)).isTrue();
    assertThat(routed.add(a)).isFalse();

    assertThat(routed).containsExactly(a, b);
  }

  @Test
  void dropsDuplicatesPastTheScanLimitAndAcrossClears() {
    List<MessageQueue> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(queue("q" + i));
    }
    for (int round = 0; round < 3; round++) {
      routed.clear();
      for (MessageQueue queue : many) {
        routed.add(queue);
        routed.add(many.get(0));
        routed.add(queue);
      }
      assertThat(routed).containsExactlyElementsOf(many);
    }

    routed.clear();
    routed.add(many.get(5));
    assertThat(routed).containsExactly(many.get(5));
  }

  @Test
  void aDuplicateAtTheScanLimitLeavesNothingBehindForTheNextRoute() {
    List<MessageQueue> eight = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      eight.add(queue("q" + i));
      routed.add(eight.get(i));
    }
    routed.add(eight.get(0)); // the set is filled here, and the list stays at eight
    routed.clear();

    routed.add(eight.get(3));
    for (int i = 0; i < 8; i++) {
      routed.add(eight.get(i));
    }
    assertThat(routed).hasSize(8).containsOnlyOnceElementsOf(eight);
    routed.add(queue("ninth"));
    assertThat(routed).hasSize(9);
  }

  private MessageQueue queue(String name) {
    MessageQueue queue =
        new MessageQueue(
            new QueueSettings(name, "/", false, null, false, Map.of()),
            ImmediateEventExecutor.INSTANCE,
            q -> {});
    made.add(queue);
    return queue;
  }
}
