package io.warrenmq.broker.queue;

/**
 * A no-ack test consumer that takes nothing until {@link #open}ed, then takes and releases
 * everything, counting it: a consumer that has fallen behind, then catches up.
 */
public final class GatedConsumer implements Consumer {
  private boolean open;
  private int taken;

  /** From now on takes everything; kicks {@code queue} so that it dispatches at once. */
  public void open(MessageQueue queue) {
    open = true;
    queue.kick();
  }

  /** How many messages it took. */
  public int taken() {
    return taken;
  }

  @Override
  public String tag() {
    return "c";
  }

  @Override
  public boolean isNoAck() {
    return true;
  }

  @Override
  public boolean tryReserve() {
    return open;
  }

  @Override
  public void deliver(MessageQueue from, QueueEntry entry) {
    taken++;
    entry.message().release();
  }

  @Override
  public void cancelledByQueue(MessageQueue from) {}
}
