package io.warrenmq.broker.cli;

/**
 * A command failed: the exit code rabbitmqctl uses for the same failure (sysexits: 64 usage, 65
 * data error, 67 no such user, 69 unavailable, 70 software error) and the message for stderr.
 */
final class CliException extends RuntimeException {
  static final int USAGE = 64;
  static final int DATA_ERROR = 65;
  static final int NO_USER = 67;
  static final int UNAVAILABLE = 69;
  static final int SOFTWARE = 70;

  private final int exitCode;
  private final boolean prefixed;

  /** A failure printed under an "Error:" line, except for usage errors (as rabbitmqctl). */
  CliException(int exitCode, String message) {
    this(exitCode, message, exitCode != USAGE);
  }

  private CliException(int exitCode, String message, boolean prefixed) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.prefixed = prefixed;
  }

  static CliException usage(String message) {
    return new CliException(USAGE, message);
  }

  /** A failure rabbitmqctl prints under an "Error:" line whatever its exit code. */
  static CliException error(int exitCode, String message) {
    return new CliException(exitCode, message, true);
  }

  /** A failure rabbitmqctl prints alone, without the "Error:" line. */
  static CliException bare(int exitCode, String message) {
    return new CliException(exitCode, message, false);
  }

  int exitCode() {
    return exitCode;
  }

  /** Whether stderr gets "Error:" before the message. */
  boolean prefixed() {
    return prefixed;
  }
}
