package io.warrenmq.broker.queue;

/**
 * {@code x-max-length} and {@code x-max-length-bytes}: both count the ready messages only (not
 * those delivered and awaiting ack), bytes being body bytes, as in RabbitMQ.
 */
record LengthLimit(long maxLength, long maxBytes, QueueArguments.Overflow overflow) {

  /** True when {@code ready} holds more than the limits allow (drop-head drops until false). */
  boolean isOver(Ready ready) {
    return (maxLength >= 0 && ready.size() > maxLength)
        || (maxBytes >= 0 && ready.bytes() > maxBytes);
  }

  /** True when one more message of {@code size} bytes would not fit (reject-publish). */
  boolean isFullFor(Ready ready, int size) {
    return (maxLength >= 0 && ready.size() >= maxLength)
        || (maxBytes >= 0 && ready.bytes() + size > maxBytes);
  }

  /** True when a message that does not fit is refused rather than the head dropped. */
  boolean rejectsPublish() {
    return overflow != QueueArguments.Overflow.DROP_HEAD;
  }
}
