package io.warrenmq.broker.queue;

/** Upward signal from a queue to its owner (the vhost registry), called on the queue's executor. */
@FunctionalInterface
public interface QueueListener {
  /** The queue deleted itself (auto-delete after its last consumer left). */
  void onAutoDeleted(MessageQueue queue);
}
