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

  CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  static CliException usage(String message) {
    return new CliException(USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
