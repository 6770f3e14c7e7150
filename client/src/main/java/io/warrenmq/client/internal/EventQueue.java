package io.warrenmq.client.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-connection queue of work for the user's thread: consumer deliveries, returns, blocked
 * notifications and {@code addCallbackThreadsafe} callbacks. The I/O thread only enqueues; the
 * thread in {@code processDataEvents}/{@code startConsuming} runs the events in arrival order, as
 * pika's BlockingConnection does.
 *
 * <p>Backpressure: past {@link #HIGH_WATER} queued events the socket stops being read (autoRead
 * off), so a slow consumer cannot make the client buffer without bound; reading resumes below
 * {@link #LOW_WATER}.
 */
public final class EventQueue {
  static final int HIGH_WATER = 20_000;
  static final int LOW_WATER = 5_000;

  private static final Runnable WAKE_UP = () -> {};

  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final ReentrantLock dispatchLock = new ReentrantLock();
  private volatile ReadControl readControl = on -> {};

  /** Switches socket reads on and off. */
  @FunctionalInterface
  public interface ReadControl {
    /** Turns reading on ({@code true}) or off. */
    void setReading(boolean on);
  }

  /** Installs the switch for socket reads, once the socket exists. */
  public void readControl(ReadControl control) {
    this.readControl = control;
  }

  /** True while reads are paused because the user's thread lags behind. */
  public boolean isReadPaused() {
    return paused.get();
  }

  /** Queues an event; any thread. */
  public void post(Runnable event) {
    queue.add(event);
    if (queue.size() > HIGH_WATER && paused.compareAndSet(false, true)) {
      readControl.setReading(false);
    }
  }

  /** Wakes a thread waiting in {@link #dispatch} without running anything. */
  public void wakeUp() {
    queue.add(WAKE_UP);
  }

  /**
   * Waits up to {@code timeoutNanos} for a first event, then runs it and every event already queued
   * behind it (at most as many as were queued then, so a flood cannot keep this call from
   * returning). Runs on the calling thread; one dispatching thread at a time.
   *
   * @return the number of events run
   */
  public int dispatch(long timeoutNanos) throws InterruptedException {
    dispatchLock.lock();
    try {
      Runnable first =
          timeoutNanos <= 0 ? queue.poll() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
      if (first == null) {
        return 0;
      }
      int budget = queue.size();
      int ran = run(first);
      Runnable next;
      while (budget-- > 0 && (next = queue.poll()) != null) {
        ran += run(next);
      }
      return ran;
    } finally {
      dispatchLock.unlock();
    }
  }

  private int run(Runnable event) {
    if (paused.get() && queue.size() < LOW_WATER && paused.compareAndSet(true, false)) {
      readControl.setReading(true);
    }
    if (event == WAKE_UP) {
      return 0;
    }
    event.run();
    return 1;
  }
}
