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
 * of it, so every message is confirmed exactly once. Confined to the channel's event loop, except
 * {@link #settledLater}, through which the store thread (or a queue) hands back settled messages.
 */
final class Confirms {
  private final ArrayDeque<Long> waiting = new ArrayDeque<>();
  private final TreeSet<Long> failed = new TreeSet<>();
  private long published;
  private long acked;

  // Settled off the loop, not yet applied: a nack as -seq. Guarded by itself; the store thread
  // adds a pass's worth while the loop is busy, so the lock is rarely contended.
  private final Object inboxLock = new Object();
  private long[] inbox = new long[64];
  private int inboxSize;
  private boolean drainScheduled;
  private long[] draining = new long[64];

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

  /**
   * Any thread: {@code seq} is settled (stored, or {@code nack}). True when the caller must
   * schedule {@link #drainSettled} on the loop: only the first of a run does, so a group commit's
   * completions cost the loop one task, not one per message.
   */
  boolean settledLater(long seq, boolean nack) {
    synchronized (inboxLock) {
      if (inboxSize == inbox.length) {
        inbox = java.util.Arrays.copyOf(inbox, inboxSize * 2);
      }
      inbox[inboxSize++] = nack ? -seq : seq;
      if (drainScheduled) {
        return false;
      }
      drainScheduled = true;
      return true;
    }
  }

  /** On the loop: applies what {@link #settledLater} collected (see {@link #durable}). */
  void drainSettled() {
    int size;
    synchronized (inboxLock) {
      size = inboxSize;
      if (draining.length < size) {
        draining = new long[inbox.length];
      }
      System.arraycopy(inbox, 0, draining, 0, size);
      inboxSize = 0;
      drainScheduled = false;
    }
    for (int i = 0; i < size; i++) {
      long seq = draining[i];
      if (seq < 0) {
        failed(-seq);
      } else {
        durable(seq);
      }
    }
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
