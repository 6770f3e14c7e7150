package io.warrenmq.client.internal;

/**
 * One consumer of a channel: its tag, whether the broker auto-acks its messages, and what to do
 * with a delivery on the dispatching thread. {@code cancelled} is set by whichever thread cancels
 * it and read by the dispatching thread.
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

  /** True once cancelled by either side. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Marks the consumer cancelled. */
  public void cancel() {
    cancelled = true;
  }
}
