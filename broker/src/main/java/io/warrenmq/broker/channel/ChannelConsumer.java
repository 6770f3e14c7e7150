package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.Consumer;
import io.warrenmq.broker.queue.MessageQueue;
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

  ChannelConsumer(
      String tag, MessageQueue queue, boolean noAck, int prefetch, BrokerChannel channel) {
    this.tag = tag;
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
