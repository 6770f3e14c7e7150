package io.warrenmq.client;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The iterator {@link BlockingChannel#consume} returns, pika's {@code consume()} generator: {@code
 * for (Delivery d : channel.consume("q", o -> o.inactivityTimeout(1))) { if (d == null) break; }}.
 * {@link #next()} runs the connection's events while it waits, so other consumers' callbacks keep
 * running. Not thread-safe: use it on the thread that consumes.
 */
public final class ConsumeIterator implements Iterator<Delivery>, Iterable<Delivery> {
  private final BlockingChannel channel;
  private final Double inactivityTimeout;
  private final ArrayDeque<Delivery> buffer = new ArrayDeque<>();
  private String consumerTag;
  private boolean autoAck;
  private boolean cancelled;

  ConsumeIterator(BlockingChannel channel, Double inactivityTimeout) {
    this.channel = channel;
    this.inactivityTimeout = inactivityTimeout;
  }

  void start(String consumerTag, boolean autoAck) {
    this.consumerTag = consumerTag;
    this.autoAck = autoAck;
  }

  void offer(
      io.warrenmq.model.generated.Basic.Deliver deliver,
      io.warrenmq.model.generated.BasicProperties properties,
      byte[] body) {
    buffer.add(new Delivery(deliver, properties, body));
  }

  /** The consumer tag behind this iterator. */
  public String consumerTag() {
    return consumerTag;
  }

  /** True once {@link BlockingChannel#cancel()} ended it. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** True until the iterator is cancelled and its buffer is empty. */
  @Override
  public boolean hasNext() {
    return !cancelled || !buffer.isEmpty();
  }

  /**
   * The next delivery, waiting for it; null when the inactivity timeout passed without one, or when
   * the broker cancelled the consumer meanwhile (then {@link #hasNext()} turns false, as pika's
   * generator ends).
   *
   * @throws ChannelClosedByBroker and its kin when the channel or connection ends while waiting
   */
  @Override
  public Delivery next() {
    long deadline =
        inactivityTimeout == null
            ? Long.MAX_VALUE
            : System.nanoTime() + (long) (inactivityTimeout * 1e9);
    if (buffer.isEmpty() && cancelled) {
      throw new NoSuchElementException("consume() iterator was cancelled");
    }
    while (buffer.isEmpty()) {
      if (cancelled) {
        return null; // the broker cancelled the consumer while we waited; hasNext() is now false
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return null;
      }
      channel.checkUsable();
      channel
          .connection()
          .processDataEvents(
              inactivityTimeout == null ? Double.POSITIVE_INFINITY : remaining / 1e9);
    }
    return buffer.poll();
  }

  /** Returns this iterator, for use in a for-each loop. */
  @Override
  public Iterator<Delivery> iterator() {
    return this;
  }

  /** The broker cancelled the consumer: yield what is buffered, then end. */
  void onBrokerCancel() {
    cancelled = true;
  }

  int cancel() {
    if (cancelled) {
      return 0;
    }
    cancelled = true;
    // Deliveries not yet handed to this iterator are requeued by the cancel (manual ack).
    int requeued = channel.cancelConsumer(consumerTag).size();
    if (!autoAck && channel.isOpen()) {
      for (Delivery d : buffer) {
        channel.basicNack(d.method().deliveryTag());
        requeued++;
      }
    }
    buffer.clear();
    return autoAck ? 0 : requeued;
  }
}
