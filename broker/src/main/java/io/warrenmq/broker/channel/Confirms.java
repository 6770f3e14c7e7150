package io.warrenmq.broker.channel;

import io.warrenmq.model.generated.Basic;
import java.util.ArrayDeque;

/**
 * Publisher confirm sequence numbers (RabbitMQ extension, class confirm): a message is confirmable
 * once routed, or for a persistent message on a durable queue once the store has fsynced it. One
 * basic.ack with multiple=true covers the longest confirmable prefix, so a transient message never
 * confirms a persistent one still waiting for its fsync. Confined to the channel's event loop.
 */
final class Confirms {
  private final ArrayDeque<Long> waiting = new ArrayDeque<>();
  private long published;
  private long acked;

  /** The sequence number of the next published message. */
  long next() {
    return ++published;
  }

  /** {@code seq} waits for the store before it may be confirmed. */
  void awaitDurable(long seq) {
    waiting.addLast(seq);
  }

  /** The store made {@code seq} durable (the store completes in order, so usually the head). */
  void durable(long seq) {
    if (!waiting.isEmpty() && waiting.peekFirst() == seq) {
      waiting.pollFirst();
    } else {
      waiting.remove(seq);
    }
  }

  /** The ack for everything newly confirmable, or null. */
  Basic.Ack flush() {
    long upTo = waiting.isEmpty() ? published : waiting.peekFirst() - 1;
    if (upTo <= acked) {
      return null;
    }
    boolean multiple = upTo - acked > 1;
    acked = upTo;
    return new Basic.Ack(upTo, multiple);
  }
}
