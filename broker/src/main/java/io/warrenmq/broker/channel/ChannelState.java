package io.warrenmq.broker.channel;

/** The life of an AMQP channel on the broker side. */
public enum ChannelState {
  /** channel.open-ok sent; methods are processed. */
  OPEN,
  /** The broker sent channel.close; frames are dropped until close-ok (spec 1.5.2.5). */
  CLOSING,
  /** Gone; the number may be reused. */
  CLOSED
}
