package io.warrenmq.broker.cli;

import io.warrenmq.broker.management.JsonReader;
import io.warrenmq.broker.management.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rabbitmqctl's policy commands, over {@code /api/policies}, with rabbitmqctl 3.10's output, exit
 * codes and error texts (the broker's "Validation failed" texts pass through). Stateless.
 */
final class PolicyCommands {
  private static final String SET_USAGE =
      "set_policy [--vhost <vhost>] [--priority <priority>] [--apply-to <apply-to>] <name>"
          + " <pattern> <definition>";

  private PolicyCommands() {}

  static void set(Context ctx, List<String> given) {
    List<String> args = new ArrayList<>();
    String priority = "0";
    String applyTo = "all";
    for (int i = 0; i < given.size(); i++) {
      String arg = given.get(i);
      if ((arg.equals("--priority") || arg.equals("--apply-to")) && i + 1 < given.size()) {
        String value = given.get(++i);
        if (arg.equals("--priority")) {
          priority = value;
        } else {
          applyTo = value;
        }
      } else {
        args.add(arg);
      }
    }
    int priorityValue;
    try {
      priorityValue = Integer.parseInt(priority);
    } catch (NumberFormatException e) {
      throw CliException.usage(
          "Error (argument validation): Invalid options for this command:\n--priority : "
              + priority);
    }
    Args.exactly(args, 3, SET_USAGE);
    String vhost = ctx.options().vhost();
    String name = args.get(0);
    String pattern = args.get(1);
    String definition = args.get(2);
    ctx.info(
        "Setting policy \""
            + name
            + "\" for pattern \""
            + pattern
            + "\" to \""
            + definition
            + "\" with priority \""
            + priority
            + "\" for vhost \""
            + vhost
            + "\" ...");
    AccessCommands.requireVhost(ctx, vhost, CliException.DATA_ERROR);
    Object parsed;
    try {
      parsed = JsonReader.parse(definition);
    } catch (RuntimeException e) {
      throw new CliException(CliException.UNAVAILABLE, "JSON decoding error. Reason: badarg");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pattern", pattern);
    body.put("definition", parsed);
    body.put("priority", priorityValue);
    body.put("apply-to", applyTo);
    ManagementClient.Reply reply =
        ctx.api().put(ManagementClient.path("policies", vhost, name), body);
    if (reply.status() == 400) {
      throw new CliException(CliException.UNAVAILABLE, reply.reason());
    }
    AccessCommands.check(reply);
  }

  static void clear(Context ctx, List<String> args) {
    Args.exactly(args, 1, "clear_policy [--vhost <vhost>] <name>");
    String vhost = ctx.options().vhost();
    ctx.info("Clearing policy \"" + args.get(0) + "\" on vhost \"" + vhost + "\" ...");
    ManagementClient.Reply reply =
        ctx.api().delete(ManagementClient.path("policies", vhost, args.get(0)));
    if (reply.status() == 404) {
      throw new CliException(CliException.UNAVAILABLE, "Parameter does not exist");
    }
    AccessCommands.check(reply);
  }

  static void list(Context ctx, List<String> args) {
    Args.exactly(args, 0, "list_policies [--vhost <vhost>]");
    String vhost = ctx.options().vhost();
    ctx.info("Listing policies for vhost \"" + vhost + "\" ...");
    AccessCommands.requireVhost(ctx, vhost, CliException.DATA_ERROR);
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> p :
        ctx.api().require(ManagementClient.path("policies", vhost)).list()) {
      rows.add(
          List.of(
              p.get("vhost"),
              p.get("name"),
              p.get("pattern"),
              p.get("apply-to"),
              JsonWriter.write(p.get("definition")),
              p.get("priority")));
    }
    ctx.list(List.of("vhost", "name", "pattern", "apply-to", "definition", "priority"), rows);
  }
}
