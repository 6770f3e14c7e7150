package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.Consumer;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueArguments;
import io.warrenmq.broker.queue.QueueEntry;

/**
 * One basic.consume subscription as its queue sees it. The queue calls {@link #tryReserve} and
 * {@link #deliver} on its own executor; delivery hops to the channel's event loop, which alone
 * touches channel state.
 */
final class ChannelConsumer implements Consumer {
  private final String tag;
  private final MessageQueue queue;
  private final boolean noAck;
  private final BrokerChannel channel;
  private final Credit credit;
  private final int prefetch;
  private final int priority;

  ChannelConsumer(
      String tag,
      MessageQueue queue,
      boolean noAck,
      int prefetch,
      int priority,
      BrokerChannel channel) {
    this.tag = tag;
    this.priority = priority;
    this.queue = queue;
    this.noAck = noAck;
    this.channel = channel;
    this.credit = new Credit(prefetch);
    this.prefetch = prefetch;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public int priority() {
    return priority;
  }

  /**
   * The x-priority argument of a basic.consume (RabbitMQ consumer priorities): an integer, 0 when
   * absent.
   */
  static int priorityOf(java.util.Map<String, Object> arguments, MessageQueue queue) {
    Object value = arguments == null ? null : arguments.get("x-priority");
    if (value == null) {
      return 0;
    }
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      long priority = ((Number) value).longValue();
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, priority));
    }
    throw io.warrenmq.model.AmqpException.preconditionFailed(
        "invalid arg 'x-priority' for "
            + queue.settings().describe()
            + ": \"expected integer, got "
            + QueueArguments.typeName(value)
            + "\"");
  }

  MessageQueue queue() {
    return queue;
  }

  @Override
  public boolean isNoAck() {
    return noAck;
  }

  @Override
  public boolean tryReserve() {
    // Pause dispatch to a consumer whose socket is backed up (ARCHITECTURE: backpressure).
    if (!channel.isDeliverable()) {
      return false;
    }
    if (noAck) {
      return true;
    }
    if (!credit.tryAcquire()) {
      return false;
    }
    if (!channel.channelCredit().tryAcquire()) {
      credit.release();
      return false;
    }
    return true;
  }

  /** Gives back the credit of one delivery (acked, rejected, requeued or bounced). */
  void releaseCredit() {
    if (!noAck) {
      credit.release();
      channel.channelCredit().release();
    }
  }

  @Override
  public void deliver(MessageQueue from, QueueEntry entry) {
    channel.eventLoop().execute(() -> channel.deliver(this, entry));
  }

  @Override
  public void cancelledByQueue(MessageQueue from) {
    channel.eventLoop().execute(() -> channel.cancelledByQueue(this));
  }

  /** The prefetch count this consumer was created with (0 for none). */
  int prefetch() {
    return prefetch;
  }
}
