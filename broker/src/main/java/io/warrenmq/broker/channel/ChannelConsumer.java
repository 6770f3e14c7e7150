package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.Consumer;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueArguments;
import io.warrenmq.broker.queue.QueueEntry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One basic.consume subscription as its queue sees it. The queue calls {@link #tryReserve} and
 * {@link #deliver} on its own executor; delivery hops to the channel's event loop, which alone
 * touches channel state.
 *
 * <p>Deliveries on their way (handed to the event loop, not yet written to the socket) are bounded:
 * the socket's writability only sees what reached its outbound buffer, so without a bound a no-ack
 * consumer (or one with prefetch 0) would take the whole queue into event-loop tasks, where no one
 * counts them, publisher credit cannot see them and the memory alarm cannot free them.
 */
final class ChannelConsumer implements Consumer {
  /**
   * Deliveries on their way at most: two dispatch passes' worth (a pass hands out up to 256), so
   * the event loop always has the next batch queued while the queue refills it.
   */
  static final int MAX_IN_FLIGHT = 512;

  /** Below this many on their way, a queue that was refused is kicked (once per refusal). */
  static final int RESUME_IN_FLIGHT = MAX_IN_FLIGHT / 2;

  private final String tag;
  private final MessageQueue queue;
  private final boolean noAck;
  private final BrokerChannel channel;
  private final Credit credit;
  private final int prefetch;
  private final int priority;
  // Incremented on the queue's executor, decremented on the event loop.
  private final AtomicInteger inFlight = new AtomicInteger();
  // Set by the queue when refused for inFlight; the event loop kicks the queue once it fell.
  private volatile boolean refused;

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
    if (!channel.isDeliverable() || tooManyInFlight()) {
      return false;
    }
    if (!noAck) {
      if (!credit.tryAcquire()) {
        return false;
      }
      if (!channel.channelCredit().tryAcquire()) {
        credit.release();
        return false;
      }
    }
    inFlight.incrementAndGet(); // only the queue's executor adds, so the bound holds
    return true;
  }

  /**
   * Flag first, count second (and the event loop in the opposite order, {@link #written}): either
   * this read sees the event loop's decrement, or the event loop sees the flag and kicks.
   */
  private boolean tooManyInFlight() {
    if (inFlight.get() < MAX_IN_FLIGHT) {
      return false;
    }
    refused = true;
    return inFlight.get() >= MAX_IN_FLIGHT;
  }

  /** On the event loop: a delivery was written (or bounced); the queue may send more. */
  private void written() {
    if (inFlight.decrementAndGet() <= RESUME_IN_FLIGHT && refused) {
      refused = false;
      queue.kick();
    }
  }

  /** Deliveries handed to the event loop and not yet written. */
  int inFlight() {
    return inFlight.get();
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
    channel
        .eventLoop()
        .execute(
            () -> {
              try {
                channel.deliver(this, entry);
              } finally {
                written();
              }
            });
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
