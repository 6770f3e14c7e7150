package io.warrenmq.broker.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.warrenmq.broker.access.UserAccess;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.BasicProperties;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deliveries between a queue and the socket are bounded, for no-ack consumers too. */
class ChannelConsumerTest {
  private final EmbeddedChannel socket = new EmbeddedChannel();
  private final MessageQueue queue =
      new MessageQueue(
          new QueueSettings("q", "/", false, null, false, Map.of()),
          ImmediateEventExecutor.INSTANCE,
          q -> {});
  private final BrokerChannel channel = new BrokerChannel(1, new Host());

  @AfterEach
  void close() {
    queue.forceDelete();
    socket.finishAndReleaseAll();
  }

  /** The channel's connection: writable, its event loop runs tasks only when the test says so. */
  private final class Host implements ChannelHost {
    @Override
    public EventLoop eventLoop() {
      return socket.eventLoop();
    }

    @Override
    public void write(Object frameOrCommand) {
      socket.writeOutbound(frameOrCommand);
    }

    @Override
    public boolean isWritable() {
      return true;
    }

    @Override
    public void channelClosed(int number) {}

    @Override
    public Object owner() {
      return this;
    }

    @Override
    public VirtualHost vhost() {
      return null;
    }

    @Override
    public String userName() {
      return "guest";
    }

    @Override
    public UserAccess access() {
      return null;
    }

    @Override
    public boolean consumerCancelNotify() {
      return true;
    }

    @Override
    public void asyncError(int number, AmqpException error) {}

    @Override
    public void routedToOverloaded(MessageQueue overloaded) {}

    @Override
    public long maxMessageSize() {
      return 1 << 20;
    }
  }

  private static QueueEntry entry(long seq) {
    Message message =
        new Message("", "q", BasicProperties.EMPTY, Unpooled.wrappedBuffer(new byte[] {1}));
    return new QueueEntry(message, seq, false);
  }

  @Test
  void noAckDeliveriesOnTheirWayAreBoundedUntilWritten() {
    // Not registered with the channel: each delivery comes back to the queue once the loop runs.
    ChannelConsumer consumer = new ChannelConsumer("c", queue, true, 0, 0, channel);
    int reserved = 0;
    while (consumer.tryReserve()) {
      consumer.deliver(queue, entry(reserved++));
      assertThat(reserved).isLessThanOrEqualTo(ChannelConsumer.MAX_IN_FLIGHT);
    }
    assertThat(reserved).isEqualTo(ChannelConsumer.MAX_IN_FLIGHT);
    assertThat(consumer.inFlight()).isEqualTo(ChannelConsumer.MAX_IN_FLIGHT);

    socket.runPendingTasks();

    assertThat(consumer.inFlight()).isZero();
    assertThat(queue.approximateReadyCount()).isEqualTo(ChannelConsumer.MAX_IN_FLIGHT);
    assertThat(consumer.tryReserve()).isTrue();
    consumer.deliver(queue, entry(reserved));
    socket.runPendingTasks();
  }

  @Test
  void ackDeliveriesAreBoundedByPrefetchFirst() {
    ChannelConsumer consumer = new ChannelConsumer("c", queue, false, 2, 0, channel);
    assertThat(consumer.tryReserve()).isTrue();
    consumer.deliver(queue, entry(1));
    assertThat(consumer.tryReserve()).isTrue();
    consumer.deliver(queue, entry(2));
    assertThat(consumer.tryReserve()).isFalse();
    assertThat(consumer.inFlight()).isEqualTo(2);
    socket.runPendingTasks(); // bounced: credit and the in-flight count come back
    assertThat(consumer.inFlight()).isZero();
    assertThat(consumer.tryReserve()).isTrue();
    consumer.deliver(queue, entry(3));
    socket.runPendingTasks();
  }
}
