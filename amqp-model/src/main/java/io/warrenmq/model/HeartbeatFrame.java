package io.warrenmq.model;

/** A heartbeat frame; always on channel 0. */
public enum HeartbeatFrame implements Frame {
  /** The only heartbeat there is. */
  INSTANCE;

  @Override
  public int channel() {
    return 0;
  }
}
