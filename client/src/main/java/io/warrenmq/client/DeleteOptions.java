package io.warrenmq.client;

/**
 * pika's optional keyword arguments of {@code exchange_delete} and {@code queue_delete}: {@code
 * channel.queueDelete("q", o -> o.ifUnused(true))}. {@code ifEmpty} applies to queues only.
 */
public final class DeleteOptions {
  boolean ifUnused;
  boolean ifEmpty;

  DeleteOptions() {}

  /** Delete only when nothing uses it (no bindings for an exchange, no consumers for a queue). */
  public DeleteOptions ifUnused(boolean ifUnused) {
    this.ifUnused = ifUnused;
    return this;
  }

  /** Delete the queue only when it holds no messages. */
  public DeleteOptions ifEmpty(boolean ifEmpty) {
    this.ifEmpty = ifEmpty;
    return this;
  }
}
