package io.warrenmq.model;

/**
 * One decoded AMQP frame. The decoder produces these; method arguments are already Java values,
 * content bodies are {@link ContentBodyFrame}s holding slices of the inbound buffer.
 */
public sealed interface Frame
    permits MethodFrame, ContentHeaderFrame, ContentBodyFrame, HeartbeatFrame {
  /** The channel number; 0 for connection-level frames and heartbeats. */
  int channel();
}
