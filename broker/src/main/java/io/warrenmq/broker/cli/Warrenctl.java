package io.warrenmq.broker.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code warrenctl}: rabbitmqctl's commands, arguments, output and exit codes for a WarrenMQ
 * broker, carried out over its management HTTP API. The broker's address and credentials come from
 * {@code --host}, {@code --port}, {@code --username}, {@code --password} or the environment
 * variables {@code WARRENCTL_HOST}, {@code WARRENCTL_PORT}, {@code WARRENCTL_USERNAME}, {@code
 * WARRENCTL_PASSWORD}; the defaults are localhost:15672 and guest/guest.
 */
public final class Warrenctl {
  private static final Map<String, BiConsumer<Context, List<String>>> COMMANDS =
      new LinkedHashMap<>();

  static {
    COMMANDS.put("add_user", AccessCommands::addUser);
    COMMANDS.put("delete_user", AccessCommands::deleteUser);
    COMMANDS.put("list_users", AccessCommands::listUsers);
    COMMANDS.put("change_password", AccessCommands::changePassword);
    COMMANDS.put("set_user_tags", AccessCommands::setUserTags);
    COMMANDS.put("set_permissions", AccessCommands::setPermissions);
    COMMANDS.put("clear_permissions", AccessCommands::clearPermissions);
    COMMANDS.put("list_permissions", AccessCommands::listPermissions);
    COMMANDS.put("list_user_permissions", AccessCommands::listUserPermissions);
    COMMANDS.put("set_topic_permissions", TopicPermissionCommands::set);
    COMMANDS.put("clear_topic_permissions", TopicPermissionCommands::clear);
    COMMANDS.put("list_topic_permissions", TopicPermissionCommands::list);
    COMMANDS.put("list_user_topic_permissions", TopicPermissionCommands::listForUser);
    COMMANDS.put("add_vhost", AccessCommands::addVhost);
    COMMANDS.put("delete_vhost", AccessCommands::deleteVhost);
    COMMANDS.put("list_vhosts", AccessCommands::listVhosts);
    COMMANDS.put("list_queues", ListCommands::queues);
    COMMANDS.put("list_exchanges", ListCommands::exchanges);
    COMMANDS.put("list_bindings", ListCommands::bindings);
    COMMANDS.put("list_connections", ListCommands::connections);
    COMMANDS.put("list_channels", ListCommands::channels);
    COMMANDS.put("list_consumers", ListCommands::consumers);
    COMMANDS.put("purge_queue", NodeCommands::purgeQueue);
    COMMANDS.put("delete_queue", NodeCommands::deleteQueue);
    COMMANDS.put("status", NodeCommands::status);
    COMMANDS.put("stop", NodeCommands::stop);
    COMMANDS.put("await_startup", NodeCommands::awaitStartup);
    COMMANDS.put("export_definitions", NodeCommands::exportDefinitions);
    COMMANDS.put("import_definitions", NodeCommands::importDefinitions);
  }

  private Warrenctl() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs one command; returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      List<String> rest = new ArrayList<>();
      Context.Options options = parse(args, env, rest);
      if (rest.isEmpty()) {
        throw CliException.usage(usage());
      }
      String name = rest.remove(0);
      BiConsumer<Context, List<String>> command = COMMANDS.get(name);
      if (command == null) {
        throw CliException.usage("Command '" + name + "' not found.\n" + usage());
      }
      ManagementClient api =
          new ManagementClient(options.host(), options.port(), options.user(), options.password());
      command.accept(new Context(api, options, out), rest);
      out.flush();
      return 0;
    } catch (CliException e) {
      out.flush();
      err.println(e.prefixed() ? "Error:\n" + e.getMessage() : e.getMessage());
      return e.exitCode();
    }
  }

  /**
   * Global options anywhere on the line, as rabbitmqctl takes them; the rest goes to {@code rest}.
   */
  private static Context.Options parse(String[] args, Map<String, String> env, List<String> rest) {
    boolean quiet = false;
    boolean noHeaders = false;
    String vhost = "/";
    String host = env.getOrDefault("WARRENCTL_HOST", "localhost");
    String port = env.getOrDefault("WARRENCTL_PORT", "15672");
    String user = env.getOrDefault("WARRENCTL_USERNAME", "guest");
    String password = env.getOrDefault("WARRENCTL_PASSWORD", "guest");
    String timeout = "60";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-q", "--quiet" -> quiet = true;
        case "-s", "--silent" -> {
          quiet = true;
          noHeaders = true;
        }
        case "--no-table-headers" -> noHeaders = true;
        case "-p", "--vhost" -> vhost = value(args, ++i, arg);
        case "--host" -> host = value(args, ++i, arg);
        case "--port" -> port = value(args, ++i, arg);
        case "-u", "--username" -> user = value(args, ++i, arg);
        case "--password" -> password = value(args, ++i, arg);
        case "-t", "--timeout" -> timeout = value(args, ++i, arg);
        case "-n", "--node" -> value(args, ++i, arg); // one node per broker: accepted, unused
        default -> rest.add(arg);
      }
    }
    try {
      return new Context.Options(
          quiet,
          noHeaders,
          vhost,
          host,
          Integer.parseInt(port),
          user,
          password,
          Integer.parseInt(timeout));
    } catch (NumberFormatException e) {
      throw CliException.usage("Error (argument validation): not a number: " + e.getMessage());
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw CliException.usage("Error (argument validation): option " + option + " needs a value");
    }
    return args[i];
  }

  private static String usage() {
    return "Usage: warrenctl [-q] [-s] [--no-table-headers] [-p <vhost>] [--host <host>]"
        + " [--port <management port>] [--username <user>] [--password <password>]"
        + " [-t <seconds>] <command> [<args>]\nCommands: "
        + String.join(", ", COMMANDS.keySet());
  }
}
