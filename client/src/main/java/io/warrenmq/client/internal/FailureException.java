package io.warrenmq.client.internal;

/**
 * Completes internal futures exceptionally with a {@link Failure}; never escapes to users, who get
 * {@link Failure#toException()} instead.
 */
public final class FailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Failure failure;

  /** Wraps {@code failure}. */
  public FailureException(Failure failure) {
    super(failure.describe(), null, false, false);
    this.failure = failure;
  }

  /** The failure. */
  public Failure failure() {
    return failure;
  }
}
