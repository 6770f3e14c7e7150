package io.warrenmq.client.internal;

import io.warrenmq.client.Delivery;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One consumer of a channel: its tag, whether the broker auto-acks its messages, what to do with a
 * delivery on the dispatching thread, and the deliveries that arrived but were not dispatched yet.
 * The I/O thread adds to {@link #pending()}; the dispatching thread takes one per event, and a
 * client cancel takes what is left. {@code cancelled} is set by the thread that cancels it.
 */
public final class ConsumerEntry {
  /** Runs a delivery on the dispatching thread. */
  @FunctionalInterface
  public interface Handler {
    /** Handles one delivery. */
    void handle(
        io.warrenmq.model.generated.Basic.Deliver deliver,
        io.warrenmq.model.generated.BasicProperties properties,
        byte[] body)
        throws Exception;
  }

  private final String tag;
  private final boolean autoAck;
  private final Handler handler;
  private final Queue<Delivery> pending = new ConcurrentLinkedQueue<>();
  private volatile boolean cancelled;

  /** A consumer. */
  public ConsumerEntry(String tag, boolean autoAck, Handler handler) {
    this.tag = tag;
    this.autoAck = autoAck;
    this.handler = handler;
  }

  /** The consumer tag. */
  public String tag() {
    return tag;
  }

  /** True when the broker does not wait for acks. */
  public boolean autoAck() {
    return autoAck;
  }

  /** The delivery handler. */
  public Handler handler() {
    return handler;
  }

  /** Deliveries received for this consumer and not yet dispatched, oldest first. */
  public Queue<Delivery> pending() {
    return pending;
  }

  /** True once cancelled by the client (basicCancel or channel close). */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Marks the consumer cancelled by the client: its pending deliveries are no longer dispatched.
   */
  public void cancel() {
    cancelled = true;
  }
}
