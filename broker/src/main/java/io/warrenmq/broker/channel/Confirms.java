package io.warrenmq.broker.channel;

import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Basic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Publisher confirm sequence numbers (RabbitMQ extension, class confirm): a message is confirmable
 * once routed, or for a persistent message on a durable queue once the store has fsynced it. One
 * basic.ack with multiple=true covers the longest confirmable prefix, so a transient message never
 * confirms a persistent one still waiting for its fsync. A message the store failed to write is
 * nacked (basic.nack, multiple=false) in its place in the sequence: the acks around it stop short
 * of it, so every message is confirmed exactly once. Confined to the channel's event loop.
 */
final class Confirms {
  private final ArrayDeque<Long> waiting = new ArrayDeque<>();
  private final TreeSet<Long> failed = new TreeSet<>();
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

  /** The store could not write {@code seq}: it is nacked instead. */
  void failed(long seq) {
    durable(seq);
    failed.add(seq);
  }

  /** The acks and nacks for everything newly settled, in order; empty when there is none. */
  List<Method> flush() {
    List<Method> out = new ArrayList<>(1);
    long upTo = waiting.isEmpty() ? published : waiting.peekFirst() - 1;
    while (!failed.isEmpty() && failed.first() <= upTo) {
      long nack = failed.pollFirst();
      addAck(out, nack - 1);
      out.add(new Basic.Nack(nack, false, false));
      acked = nack;
    }
    addAck(out, upTo);
    return out;
  }

  private void addAck(List<Method> out, long upTo) {
    if (upTo > acked) {
      out.add(new Basic.Ack(upTo, upTo - acked > 1));
      acked = upTo;
    }
  }
}
