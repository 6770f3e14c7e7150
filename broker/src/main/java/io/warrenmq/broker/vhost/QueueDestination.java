package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.MessageQueue;

/** A queue as a binding destination; equal when it wraps the same queue instance. */
public record QueueDestination(MessageQueue queue) implements Destination {
  @Override
  public String name() {
    return queue.name();
  }
}
