package io.warrenmq.tck;

import io.warrenmq.client.BlockingConnection;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting by polling a condition with a deadline; cases never sleep a fixed time to pass. */
public final class Wait {
  private static final Duration DEFAULT = Duration.ofSeconds(10);

  private Wait() {}

  /** Polls {@code condition} until true; fails after ten seconds with {@code what}. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEFAULT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Runs {@code connection}'s callbacks until {@code condition} holds; fails after ten seconds. */
  public static void dispatching(
      BlockingConnection connection, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEFAULT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      connection.processDataEvents(0.05);
    }
  }
}
