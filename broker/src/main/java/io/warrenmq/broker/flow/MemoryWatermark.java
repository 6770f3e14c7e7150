package io.warrenmq.broker.flow;

/**
 * The alarm's state machine: raised when memory in use reaches the high watermark, cleared only
 * once it is back under a low mark a little below it, so that a reading hovering at the watermark
 * (heap garbage comes and goes) does not block and unblock publishers on every check.
 *
 * <p>Confinement: the thread that runs the memory checks.
 */
public final class MemoryWatermark {
  /** The low mark is a twentieth (5%) under the high watermark. */
  private static final int HYSTERESIS_DIVISOR = 20;

  private final long high;
  private final long low;
  private boolean raised;

  /** A watermark of {@code high} bytes, with a low mark 5% under it. */
  public MemoryWatermark(long high) {
    this(high, high - high / HYSTERESIS_DIVISOR);
  }

  /** A watermark of {@code high} bytes that clears under {@code low} bytes. */
  public MemoryWatermark(long high, long low) {
    if (high <= 0 || low > high || low < 0) {
      throw new IllegalArgumentException("bad watermark: high " + high + ", low " + low);
    }
    this.high = high;
    this.low = low;
  }

  /** What one reading changed. */
  public enum Transition {
    NONE,
    RAISED,
    CLEARED
  }

  /** Takes a reading of memory in use and says whether the alarm went on or off. */
  public Transition update(long used) {
    if (!raised && used >= high) {
      raised = true;
      return Transition.RAISED;
    }
    if (raised && used < low) {
      raised = false;
      return Transition.CLEARED;
    }
    return Transition.NONE;
  }

  public boolean isRaised() {
    return raised;
  }

  public long high() {
    return high;
  }

  public long low() {
    return low;
  }
}
