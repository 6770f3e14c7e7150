package io.warrenmq.broker.queue;

/**
 * A message as one queue holds it. {@code seq} orders the queue's entries so that requeued messages
 * go back in their original order. The entry owns one reference to the message's body, handed from
 * holder to holder (queue, then channel) until an ack or a drop releases it.
 */
public record QueueEntry(Message message, long seq, boolean redelivered) {

  /** The same entry, marked as delivered before (spec: basic.deliver redelivered). */
  public QueueEntry asRedelivered() {
    return redelivered ? this : new QueueEntry(message, seq, true);
  }
}
