package io.warrenmq.client;

import io.warrenmq.model.generated.Queue;

/**
 * What {@link BlockingChannel#queueDeclare} returns: pika's method frame, so that {@code
 * result.method.queue} ports as {@code result.method().queue()}.
 *
 * @param method the broker's queue.declare-ok
 */
public record QueueDeclareResult(Queue.DeclareOk method) {
  /** The number of ready messages in the queue. */
  public long messageCount() {
    return method.messageCount();
  }

  /** The number of active consumers of the queue. */
  public long consumerCount() {
    return method.consumerCount();
  }
}
