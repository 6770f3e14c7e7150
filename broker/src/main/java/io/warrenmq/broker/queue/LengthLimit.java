package io.warrenmq.broker.queue;

/**
 * {@code x-max-length} and {@code x-max-length-bytes} with {@code x-overflow}: both limits count
 * the ready messages only (not those delivered and awaiting ack), bytes being body bytes, as in
 * RabbitMQ. Confinement: the queue's executor.
 */
record LengthLimit(long maxLength, long maxBytes, QueueArguments.Overflow overflow) {

  static LengthLimit of(QueueArguments args) {
    return args.hasLengthLimit()
        ? new LengthLimit(args.maxLength(), args.maxLengthBytes(), args.overflow())
        : null;
  }

  /** True when a message that does not fit is refused rather than the head dropped. */
  boolean rejectsPublish() {
    return overflow != QueueArguments.Overflow.DROP_HEAD;
  }

  /**
   * reject-publish(-dlx): true when {@code message} does not fit; it is then disposed of
   * (dead-lettered as maxlen with reject-publish-dlx) and the publisher is nacked.
   */
  boolean refuses(Ready ready, Message message, Disposal disposal) {
    if (!rejectsPublish()) {
      return false;
    }
    boolean full =
        (maxLength >= 0 && ready.size() >= maxLength)
            || (maxBytes >= 0 && ready.bytes() + message.size() > maxBytes);
    if (!full) {
      return false;
    }
    if (overflow == QueueArguments.Overflow.REJECT_PUBLISH_DLX) {
      disposal.deadLetter(message, DeadLetters.Reason.MAXLEN);
    } else {
      disposal.drop(message);
    }
    return true;
  }

  /** drop-head: the oldest ready messages go (dead-lettered as maxlen) until within the limits. */
  void dropHeads(Ready ready, Disposal disposal) {
    if (rejectsPublish()) {
      return;
    }
    while ((maxLength >= 0 && ready.size() > maxLength)
        || (maxBytes >= 0 && ready.bytes() > maxBytes)) {
      QueueEntry head = ready.pollFirst();
      if (head == null) {
        return; // still on its way back from disk: enforced once it is in memory
      }
      disposal.deadLetter(head, DeadLetters.Reason.MAXLEN);
    }
  }
}
