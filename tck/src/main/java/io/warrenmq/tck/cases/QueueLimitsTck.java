package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.count;
import static io.warrenmq.tck.Messages.drain;
import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.NackError;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Length limits ({@code x-max-length}, {@code x-max-length-bytes}, {@code x-overflow}) and priority
 * queues ({@code x-max-priority}). Tagged queue-extensions: the in-process run excludes them until
 * WarrenMQ's queue actor implements them (see tck/pom.xml).
 */
@Tck
@Tag("queue-extensions")
class QueueLimitsTck {

  private static String declare(TckBroker broker, BlockingChannel ch, Map<String, Object> args) {
    return MessageTtlTck.declare(broker, ch, args);
  }

  @Test
  @SpecRule(section = "rabbitmq:maxlength", text = "x-max-length drops from the head by default")
  void maxLengthDropsHead(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String q = declare(broker, ch, Map.of("x-max-length", 2));
    for (String m : new String[] {"m1", "m2", "m3"}) {
      ch.basicPublish("", q, m);
    }
    assertThat(drain(ch, q)).containsExactly("m2", "m3");
  }

  @Test
  @SpecRule(section = "rabbitmq:maxlength", text = "x-max-length-bytes counts body bytes")
  void maxLengthBytes(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String q = declare(broker, ch, Map.of("x-max-length-bytes", 10));
    for (String m : new String[] {"aaaaa", "bbbbb", "ccccc"}) {
      ch.basicPublish("", q, m);
    }
    assertThat(drain(ch, q)).containsExactly("bbbbb", "ccccc");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:maxlength",
      text = "x-overflow=reject-publish: the publish is nacked and the queue keeps its head")
  void rejectPublishNacks(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String q = declare(broker, ch, Map.of("x-max-length", 2, "x-overflow", "reject-publish"));
    ch.basicPublish("", q, "m1");
    ch.basicPublish("", q, "m2");
    NackError e = catchThrowableOfType(NackError.class, () -> ch.basicPublish("", q, "m3"));
    assertThat(e).isNotNull();
    assertThat(ch.isOpen()).isTrue();
    assertThat(drain(ch, q)).containsExactly("m1", "m2");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:maxlength",
      text = "x-overflow=reject-publish-dlx: the refused message is nacked and dead-lettered")
  void rejectPublishDlx(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String dlq = tempQueue(ch);
    String q =
        declare(
            broker,
            ch,
            Map.of(
                "x-max-length",
                1,
                "x-overflow",
                "reject-publish-dlx",
                "x-dead-letter-exchange",
                "",
                "x-dead-letter-routing-key",
                dlq));
    ch.basicPublish("", q, "kept");
    NackError e = catchThrowableOfType(NackError.class, () -> ch.basicPublish("", q, "refused"));
    assertThat(e).isNotNull();
    Wait.until("the refused message dead-lettered", () -> count(ch, dlq) == 1);
    assertThat(drain(ch, dlq)).containsExactly("refused");
    assertThat(drain(ch, q)).containsExactly("kept");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:priority",
      text = "x-max-priority: higher priority first, FIFO within a priority")
  void priorityOrdering(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String q = declare(broker, ch, Map.of("x-max-priority", 10));
    int[] priorities = {1, 5, 9, 5, 0};
    for (int i = 0; i < priorities.length; i++) {
      ch.basicPublish(
          "",
          q,
          "p" + priorities[i] + "-" + i,
          BasicProperties.builder().priority(priorities[i]).build());
    }
    ch.basicPublish("", q, "none");
    assertThat(drain(ch, q)).containsExactly("p9-2", "p5-1", "p5-3", "p1-0", "p0-4", "none");
  }

  @Test
  @SpecRule(
      section = "rabbitmq:priority",
      text = "a priority above x-max-priority counts as the maximum")
  void priorityAboveMaximumIsCapped(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String q = declare(broker, ch, Map.of("x-max-priority", 3));
    ch.basicPublish("", q, "two", BasicProperties.builder().priority(2).build());
    ch.basicPublish("", q, "nine", BasicProperties.builder().priority(9).build());
    ch.basicPublish("", q, "three", BasicProperties.builder().priority(3).build());
    assertThat(drain(ch, q)).containsExactly("nine", "three", "two");
  }

  @Test
  @SpecRule(section = "rabbitmq:priority", text = "x-max-priority above 255: 406")
  void maxPriorityAbove255IsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(ch, 406, () -> declare(broker, ch, Map.of("x-max-priority", 256)));
  }

  @Test
  @SpecRule(section = "rabbitmq:maxlength", text = "an unknown x-overflow value: 406")
  void unknownOverflowIsRefused(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(
        ch, 406, () -> declare(broker, ch, Map.of("x-max-length", 1, "x-overflow", "sideways")));
  }

  @Test
  @SpecRule(
      section = "rabbitmq:maxlength",
      text = "the limit counts ready messages only, not those awaiting ack")
  void unackedMessagesDoNotCount(TckBroker broker) {
    BlockingChannel ch = MessageTtlTck.confirmed(broker);
    String q = declare(broker, ch, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
    ch.basicPublish("", q, "taken");
    assertThat(ch.basicGet(q).bodyAsString()).isEqualTo("taken");
    ch.basicPublish("", q, "fits");
    assertThat(count(ch, q)).isEqualTo(1);
  }
}
