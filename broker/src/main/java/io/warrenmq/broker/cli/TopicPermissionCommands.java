package io.warrenmq.broker.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rabbitmqctl's topic permission commands, over {@code /api/topic-permissions}, with rabbitmqctl
 * 3.10's output (its {@code list_user_topic_permissions} prints no header row). Stateless.
 */
final class TopicPermissionCommands {
  private TopicPermissionCommands() {}

  static void set(Context ctx, List<String> args) {
    Args.exactly(
        args, 4, "set_topic_permissions [-p <vhost>] <username> <exchange> <write> <read>");
    String vhost = ctx.options().vhost();
    String user = args.get(0);
    String exchange = args.get(1);
    ctx.info(
        "Setting topic permissions on \""
            + exchange
            + "\" for user \""
            + user
            + "\" in vhost \""
            + vhost
            + "\" ...");
    requireUserAndVhost(ctx, user, vhost);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("exchange", exchange);
    body.put("write", args.get(2));
    body.put("read", args.get(3));
    AccessCommands.check(
        ctx.api().put(ManagementClient.path("topic-permissions", vhost, user), body));
  }

  static void clear(Context ctx, List<String> args) {
    if (args.isEmpty() || args.size() > 2) {
      Args.exactly(args, 1, "clear_topic_permissions [-p <vhost>] <username> [<exchange>]");
    }
    String vhost = ctx.options().vhost();
    String user = args.get(0);
    String exchange = args.size() == 2 ? args.get(1) : null;
    ctx.info(
        "Clearing topic permissions "
            + (exchange == null ? "" : "on \"" + exchange + "\" ")
            + "for user \""
            + user
            + "\" in vhost \""
            + vhost
            + "\" ...");
    requireUserAndVhost(ctx, user, vhost);
    String path = ManagementClient.path("topic-permissions", vhost, user);
    if (exchange == null) {
      ManagementClient.Reply reply = ctx.api().delete(path);
      if (reply.status() != 404) { // clearing what is not set succeeds, as in RabbitMQ
        AccessCommands.check(reply);
      }
      return;
    }
    // The API clears a user's topic permissions in a vhost all at once: put back the others.
    ManagementClient.Reply current = ctx.api().get(path);
    if (current.status() == 404) {
      return;
    }
    AccessCommands.check(current);
    List<Map<String, Object>> kept = new ArrayList<>(current.list());
    if (!kept.removeIf(p -> exchange.equals(p.get("exchange")))) {
      return;
    }
    AccessCommands.check(ctx.api().delete(path));
    for (Map<String, Object> p : kept) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("exchange", p.get("exchange"));
      body.put("write", p.get("write"));
      body.put("read", p.get("read"));
      AccessCommands.check(ctx.api().put(path, body));
    }
  }

  static void list(Context ctx, List<String> args) {
    Args.exactly(args, 0, "list_topic_permissions [-p <vhost>]");
    String vhost = ctx.options().vhost();
    ctx.info("Listing topic permissions for vhost \"" + vhost + "\" ...");
    AccessCommands.requireVhost(ctx, vhost, CliException.DATA_ERROR);
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> p : ctx.api().require("/api/topic-permissions").list()) {
      if (vhost.equals(p.get("vhost"))) {
        rows.add(List.of(p.get("user"), p.get("exchange"), p.get("write"), p.get("read")));
      }
    }
    ctx.list(List.of("user", "exchange", "write", "read"), rows);
  }

  static void listForUser(Context ctx, List<String> args) {
    Args.exactly(args, 1, "list_user_topic_permissions <username>");
    String user = args.get(0);
    ctx.info("Listing topic permissions for user \"" + user + "\" ...");
    if (ctx.api().get(ManagementClient.path("users", user)).status() == 404) {
      throw new CliException(CliException.UNAVAILABLE, "{:no_such_user, \"" + user + "\"}");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> p : ctx.api().require("/api/topic-permissions").list()) {
      if (user.equals(p.get("user"))) {
        rows.add(List.of(p.get("vhost"), p.get("exchange"), p.get("write"), p.get("read")));
      }
    }
    ctx.rows(rows);
  }

  /** rabbitmqctl checks the user first (67), then the vhost (69). */
  private static void requireUserAndVhost(Context ctx, String user, String vhost) {
    AccessCommands.requireUser(ctx, user);
    AccessCommands.requireVhost(ctx, vhost, CliException.UNAVAILABLE);
  }
}
