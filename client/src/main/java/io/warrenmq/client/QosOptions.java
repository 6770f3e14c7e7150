package io.warrenmq.client;

/**
 * pika's keyword arguments of {@code basic_qos}: {@code channel.basicQos(o ->
 * o.prefetchCount(10).global(true))}; the common {@code prefetch_count=1} is {@code
 * channel.basicQos(1)}.
 */
public final class QosOptions {
  int prefetchCount;
  long prefetchSize;
  boolean global;

  QosOptions() {}

  /** At most this many unacknowledged messages; 0 for no limit. */
  public QosOptions prefetchCount(int prefetchCount) {
    this.prefetchCount = prefetchCount;
    return this;
  }

  /** At most this many bytes unacknowledged; 0 for no limit (RabbitMQ supports only 0). */
  public QosOptions prefetchSize(long prefetchSize) {
    this.prefetchSize = prefetchSize;
    return this;
  }

  /** Apply to the whole channel rather than each new consumer (pika's {@code global_qos}). */
  public QosOptions global(boolean global) {
    this.global = global;
    return this;
  }
}
