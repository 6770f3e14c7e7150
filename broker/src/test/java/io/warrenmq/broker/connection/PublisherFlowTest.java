package io.warrenmq.broker.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.warrenmq.broker.flow.MemoryAlarm;
import io.warrenmq.broker.queue.GatedConsumer;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Connection;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading pauses for the memory alarm and for overloaded queues, and resumes when both allow. */
class PublisherFlowTest {
  private final EmbeddedChannel socket = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
  private final ChannelHandlerContext ctx = socket.pipeline().firstContext();
  private final MessageQueue queue =
      new MessageQueue(
          new QueueSettings("q", "/", false, null, false, Map.of()),
          ImmediateEventExecutor.INSTANCE,
          q -> {});
  private final GatedConsumer consumer = new GatedConsumer();
  private boolean alarm;

  @AfterEach
  void close() {
    queue.forceDelete();
    socket.finishAndReleaseAll();
  }

  private PublisherFlow flow(Predicate<MessageQueue> consumesWithAcks) {
    MemoryAlarm memory = () -> alarm;
    return new PublisherFlow(ctx, memory, true, consumesWithAcks);
  }

  private void overload() {
    queue.addConsumer(consumer, false, error -> {});
    while (!queue.isOverloaded()) {
      queue.enqueue(
          new Message("", "q", BasicProperties.EMPTY, Unpooled.wrappedBuffer(new byte[] {1})));
    }
  }

  private boolean reading() {
    return socket.config().isAutoRead();
  }

  @Test
  void anOverloadedQueuePausesReadingSilentlyUntilItDrains() {
    PublisherFlow flow = flow(q -> false);
    flow.published();
    overload();

    flow.routedToOverloaded(queue);
    assertThat(reading()).isFalse();
    assertThat(flow.isInFlow()).isTrue();
    assertThat((Object) socket.readOutbound()).isNull(); // no connection.blocked

    consumer.open(queue);
    socket.runPendingTasks();
    assertThat(reading()).isTrue();
    assertThat(flow.isInFlow()).isFalse();
  }

  @Test
  void readingResumesOnlyWhenTheAlarmAndTheQueueBothAllow() {
    PublisherFlow flow = flow(q -> false);
    flow.published();
    alarm = true;
    flow.recheck();
    MethodFrame blocked = socket.readOutbound();
    assertThat(blocked.method()).isInstanceOf(Connection.Blocked.class);
    overload();
    flow.routedToOverloaded(queue);

    alarm = false;
    flow.recheck();
    MethodFrame unblocked = socket.readOutbound();
    assertThat(unblocked.method()).isEqualTo(Connection.Unblocked.INSTANCE);
    assertThat(reading()).isFalse(); // still waiting for the queue

    consumer.open(queue);
    socket.runPendingTasks();
    assertThat(reading()).isTrue();
  }

  @Test
  void aQueueThisConnectionConsumesWithAcksDoesNotPauseIt() {
    PublisherFlow flow = flow(q -> q == queue);
    overload();
    flow.routedToOverloaded(queue);
    assertThat(reading()).isTrue();
    assertThat(flow.isInFlow()).isFalse();
  }

  @Test
  void aDeletedQueueReleasesItsPublishers() {
    PublisherFlow flow = flow(q -> false);
    overload();
    flow.routedToOverloaded(queue);
    queue.forceDelete();
    socket.runPendingTasks();
    assertThat(reading()).isTrue();
  }
}
