package io.warrenmq.broker.cli;

import java.util.List;

/** Argument checks with rabbitmqctl's usage errors (exit 64). Stateless. */
final class Args {
  private Args() {}

  static void exactly(List<String> args, int count, String usage) {
    if (args.size() < count) {
      throw CliException.usage(
          "Error (argument validation): not enough arguments.\nUsage: warrenctl " + usage);
    }
    if (args.size() > count) {
      throw CliException.usage(
          "Error (argument validation): too many arguments.\nUsage: warrenctl " + usage);
    }
  }

  static void atLeast(List<String> args, int count, String usage) {
    if (args.size() < count) {
      throw CliException.usage(
          "Error (argument validation): not enough arguments.\nUsage: warrenctl " + usage);
    }
  }

  /** Every requested column must be one the command knows. */
  static void columns(List<String> requested, List<String> known) {
    for (String column : requested) {
      if (!known.contains(column)) {
        throw CliException.usage(
            "Error (argument validation): Info key(s) "
                + column
                + " are not supported\nValid keys: "
                + String.join(", ", known));
      }
    }
  }
}
