package io.warrenmq.client;

import java.util.Map;

/**
 * pika's optional {@code arguments} of the bind and unbind calls, e.g. for a headers exchange:
 * {@code channel.queueBind(q, "h", "", o -> o.arguments(Map.of("x-match", "all")))}.
 */
public final class BindOptions {
  Map<String, Object> arguments = Map.of();

  BindOptions() {}

  /** The binding arguments. */
  public BindOptions arguments(Map<String, Object> arguments) {
    this.arguments = arguments == null ? Map.of() : arguments;
    return this;
  }
}
