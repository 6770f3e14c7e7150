package io.warrenmq.client;

import java.util.Map;

/**
 * pika's optional keyword arguments of {@code basic_consume} and {@code consume}: {@code
 * channel.basicConsume("hello", callback, o -> o.autoAck(true))}.
 */
public final class ConsumeOptions {
  boolean autoAck;
  boolean exclusive;
  String consumerTag = "";
  Map<String, Object> arguments = Map.of();
  Double inactivityTimeout;

  ConsumeOptions() {}

  /** The broker considers messages acknowledged once sent (pika's {@code auto_ack}). */
  public ConsumeOptions autoAck(boolean autoAck) {
    this.autoAck = autoAck;
    return this;
  }

  /** Be the queue's only consumer. */
  public ConsumeOptions exclusive(boolean exclusive) {
    this.exclusive = exclusive;
    return this;
  }

  /** The consumer tag; by default the client makes a unique one. */
  public ConsumeOptions consumerTag(String consumerTag) {
    this.consumerTag = consumerTag == null ? "" : consumerTag;
    return this;
  }

  /** Extra arguments, e.g. {@code x-priority}. */
  public ConsumeOptions arguments(Map<String, Object> arguments) {
    this.arguments = arguments == null ? Map.of() : arguments;
    return this;
  }

  /**
   * For {@link BlockingChannel#consume} only: after this many seconds without a message the
   * iterator yields null, as pika's generator yields {@code (None, None, None)}.
   */
  public ConsumeOptions inactivityTimeout(double seconds) {
    this.inactivityTimeout = seconds;
    return this;
  }
}
