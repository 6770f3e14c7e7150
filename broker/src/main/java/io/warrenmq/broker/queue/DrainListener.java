package io.warrenmq.broker.queue;

/**
 * Told when a queue that was overloaded (see {@link MessageQueue#isOverloaded}) has drained, or is
 * gone: a publisher paused for it may go on. A narrow upward callback, implemented by the
 * connection layer.
 *
 * <p>Called on the queue's executor; implementations hop to their own thread and never block.
 */
@FunctionalInterface
public interface DrainListener {
  /** {@code queue} drained below its low mark, lost its consumers or was deleted. */
  void drained(MessageQueue queue);
}
