package io.warrenmq.broker.queue;

/**
 * What a queue sees of a consumer: a narrow upward callback, implemented by the channel layer.
 *
 * <p>The queue calls these methods on its own executor; implementations hop to their connection's
 * event loop before touching channel state and never block.
 */
public interface Consumer {

  /** The consumer tag, unique within its channel. */
  String tag();

  /** The consumer's x-priority (basic.consume argument): higher ones are served first. */
  default int priority() {
    return 0;
  }

  /** True when the queue should not wait for acks (no-ack consumer): no credit is reserved. */
  boolean isNoAck();

  /**
   * Reserves credit for one delivery: false when the consumer's or its channel's prefetch is used
   * up or its socket is not writable. Thread-safe; a true answer must be followed by {@link
   * #deliver}.
   */
  boolean tryReserve();

  /** Delivers one entry; takes ownership of it. Called after a successful {@link #tryReserve}. */
  void deliver(MessageQueue queue, QueueEntry entry);

  /** The queue was deleted: the consumer is gone (spec: basic.cancel from the server). */
  void cancelledByQueue(MessageQueue queue);
}
