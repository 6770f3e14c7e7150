package io.warrenmq.client.internal;

import io.warrenmq.client.AMQPError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for internal futures on a user thread and turns failures into public exceptions. */
public final class Await {
  private Await() {}

  /**
   * Waits for {@code future} without a time limit: a lost connection fails every pending future,
   * and heartbeats bound how long it takes to notice one.
   */
  public static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AMQPError("interrupted while waiting for the broker", e);
    }
  }

  /** Waits at most {@code millis}; null when the time ran out. */
  public static <T> T get(CompletableFuture<T> future, long millis) {
    try {
      return future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AMQPError("interrupted while waiting for the broker", e);
    }
  }

  private static RuntimeException translate(Throwable cause) {
    if (cause instanceof FailureException failure) {
      return failure.failure().toException();
    }
    if (cause instanceof AMQPError error) {
      return error;
    }
    return new AMQPError("unexpected failure", cause);
  }
}
