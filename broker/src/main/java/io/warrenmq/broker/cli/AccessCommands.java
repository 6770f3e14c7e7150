package io.warrenmq.broker.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** rabbitmqctl's user, vhost and permission commands, over the management API. Stateless. */
final class AccessCommands {
  private AccessCommands() {}

  static void addUser(Context ctx, List<String> args) {
    Args.exactly(args, 2, "add_user <username> <password>");
    String user = args.get(0);
    ctx.info("Adding user \"" + user + "\" ...");
    if (ctx.api().get(ManagementClient.path("users", user)).ok()) {
      throw new CliException(CliException.SOFTWARE, "User \"" + user + "\" already exists");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("password", args.get(1));
    body.put("tags", "");
    check(ctx.api().put(ManagementClient.path("users", user), body));
    ctx.info(
        "Done. Don't forget to grant the user permissions to some virtual hosts! See 'warrenctl"
            + " set_permissions [-p <vhost>] <username> <conf> <write> <read>'.");
  }

  static void deleteUser(Context ctx, List<String> args) {
    Args.exactly(args, 1, "delete_user <username>");
    String user = args.get(0);
    ctx.info("Deleting user \"" + user + "\" ...");
    ManagementClient.Reply reply = ctx.api().delete(ManagementClient.path("users", user));
    if (reply.status() == 404) {
      throw noUser(user);
    }
    check(reply);
  }

  static void changePassword(Context ctx, List<String> args) {
    Args.exactly(args, 2, "change_password <username> <password>");
    String user = args.get(0);
    ctx.info("Changing password for user \"" + user + "\" ...");
    Map<String, Object> existing = user(ctx, user);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("password", args.get(1));
    body.put("tags", existing.get("tags"));
    check(ctx.api().put(ManagementClient.path("users", user), body));
  }

  static void setUserTags(Context ctx, List<String> args) {
    Args.atLeast(args, 1, "set_user_tags <username> <tag> [...]");
    String user = args.get(0);
    List<String> tags = args.subList(1, args.size());
    ctx.info("Setting tags for user \"" + user + "\" to " + Context.format(tags) + " ...");
    user(ctx, user);
    check(ctx.api().put(ManagementClient.path("users", user), Map.of("tags", List.copyOf(tags))));
  }

  static void listUsers(Context ctx, List<String> args) {
    Args.exactly(args, 0, "list_users");
    ctx.info("Listing users ...");
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> user : ctx.api().require("/api/users").list()) {
      rows.add(List.of(user.get("name"), user.get("tags")));
    }
    ctx.table(List.of("user", "tags"), rows);
  }

  static void addVhost(Context ctx, List<String> args) {
    Args.exactly(args, 1, "add_vhost <vhost>");
    ctx.info("Adding vhost \"" + args.get(0) + "\" ...");
    check(ctx.api().put(ManagementClient.path("vhosts", args.get(0)), Map.of()));
  }

  static void deleteVhost(Context ctx, List<String> args) {
    Args.exactly(args, 1, "delete_vhost <vhost>");
    String vhost = args.get(0);
    ctx.info("Deleting vhost \"" + vhost + "\" ...");
    ManagementClient.Reply reply = ctx.api().delete(ManagementClient.path("vhosts", vhost));
    if (reply.status() == 404) {
      throw noVhost(vhost, CliException.DATA_ERROR);
    }
    check(reply);
  }

  static void listVhosts(Context ctx, List<String> args) {
    List<String> columns = args.isEmpty() ? List.of("name") : args;
    Args.columns(columns, List.of("name", "description", "tags", "tracing"));
    ctx.info("Listing vhosts ...");
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> vhost : ctx.api().require("/api/vhosts").list()) {
      List<Object> row = new ArrayList<>();
      columns.forEach(c -> row.add(vhost.get(c)));
      rows.add(row);
    }
    ctx.table(columns, rows);
  }

  static void setPermissions(Context ctx, List<String> args) {
    Args.exactly(args, 4, "set_permissions [-p <vhost>] <username> <conf> <write> <read>");
    String vhost = ctx.options().vhost();
    String user = args.get(0);
    ctx.info("Setting permissions for user \"" + user + "\" in vhost \"" + vhost + "\" ...");
    requireVhost(ctx, vhost, CliException.UNAVAILABLE);
    requireUser(ctx, user);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("configure", args.get(1));
    body.put("write", args.get(2));
    body.put("read", args.get(3));
    check(ctx.api().put(ManagementClient.path("permissions", vhost, user), body));
  }

  static void clearPermissions(Context ctx, List<String> args) {
    Args.exactly(args, 1, "clear_permissions [-p <vhost>] <username>");
    String vhost = ctx.options().vhost();
    String user = args.get(0);
    ctx.info("Clearing permissions for user \"" + user + "\" in vhost \"" + vhost + "\" ...");
    requireVhost(ctx, vhost, CliException.UNAVAILABLE);
    requireUser(ctx, user);
    ManagementClient.Reply reply =
        ctx.api().delete(ManagementClient.path("permissions", vhost, user));
    if (reply.status() != 404) { // clearing what is not set succeeds, as in RabbitMQ
      check(reply);
    }
  }

  static void listPermissions(Context ctx, List<String> args) {
    Args.exactly(args, 0, "list_permissions [-p <vhost>]");
    String vhost = ctx.options().vhost();
    ctx.info("Listing permissions for vhost \"" + vhost + "\" ...");
    requireVhost(ctx, vhost, CliException.DATA_ERROR);
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> p : ctx.api().require("/api/permissions").list()) {
      if (vhost.equals(p.get("vhost"))) {
        rows.add(List.of(p.get("user"), p.get("configure"), p.get("write"), p.get("read")));
      }
    }
    ctx.list(List.of("user", "configure", "write", "read"), rows);
  }

  static void listUserPermissions(Context ctx, List<String> args) {
    Args.exactly(args, 1, "list_user_permissions <username>");
    String user = args.get(0);
    ctx.info("Listing permissions for user \"" + user + "\" ...");
    if (ctx.api().get(ManagementClient.path("users", user)).status() == 404) {
      throw new CliException(CliException.UNAVAILABLE, "{:no_such_user, \"" + user + "\"}");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> p : ctx.api().require("/api/permissions").list()) {
      if (user.equals(p.get("user"))) {
        rows.add(List.of(p.get("vhost"), p.get("configure"), p.get("write"), p.get("read")));
      }
    }
    ctx.list(List.of("vhost", "configure", "write", "read"), rows);
  }

  private static Map<String, Object> user(Context ctx, String user) {
    ManagementClient.Reply reply = ctx.api().get(ManagementClient.path("users", user));
    if (reply.status() == 404) {
      throw noUser(user);
    }
    check(reply);
    return reply.object();
  }

  /** The permission commands' check: rabbitmqctl names the user there without quotes. */
  static void requireUser(Context ctx, String user) {
    if (ctx.api().get(ManagementClient.path("users", user)).status() == 404) {
      throw new CliException(CliException.NO_USER, "User " + user + " does not exist");
    }
  }

  /**
   * The vhost must exist. rabbitmqctl's answer for a missing one differs by command: the listing
   * and deleting commands exit 65 with the bare message, the changing ones 69 under "Error:".
   */
  static void requireVhost(Context ctx, String vhost, int exitCode) {
    ManagementClient.Reply reply = ctx.api().get(ManagementClient.path("vhosts", vhost));
    if (reply.status() == 404) {
      throw noVhost(vhost, exitCode);
    }
    check(reply);
  }

  static void check(ManagementClient.Reply reply) {
    if (!reply.ok()) {
      throw ManagementClient.failure(reply);
    }
  }

  private static CliException noUser(String user) {
    return new CliException(CliException.NO_USER, "User \"" + user + "\" does not exist");
  }

  private static CliException noVhost(String vhost, int exitCode) {
    return exitCode == CliException.DATA_ERROR
        ? CliException.bare(exitCode, "Virtual host '" + vhost + "' does not exist")
        : new CliException(exitCode, "Virtual host " + vhost + " does not exist");
  }
}
