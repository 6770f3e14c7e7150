package io.warrenmq.broker.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * rabbitmqctl's node and queue commands: status, stop, await_startup, export_definitions,
 * import_definitions, purge_queue, delete_queue. Stateless.
 */
final class NodeCommands {
  private static final long POLL_MILLIS = 200;

  private NodeCommands() {}

  static void status(Context ctx, List<String> args) {
    Args.exactly(args, 0, "status");
    Map<String, Object> node = ctx.api().require("/api/nodes").list().get(0);
    Map<String, Object> overview = ctx.api().require("/api/overview").object();
    ctx.info("Status of node " + node.get("name") + " ...");
    ctx.out().println("Runtime");
    ctx.out().println();
    ctx.out().println("OS PID: " + node.get("os_pid"));
    ctx.out().println("Product name: " + overview.get("product_name"));
    ctx.out().println("Product version: " + overview.get("product_version"));
    ctx.out().println("Uptime (seconds): " + ((Number) node.get("uptime")).longValue() / 1000);
    ctx.out().println();
    ctx.out().println("Memory");
    ctx.out().println();
    ctx.out().println("Total memory used: " + node.get("mem_used") + " bytes");
    ctx.out().println("Memory high watermark: " + node.get("mem_limit") + " bytes");
    ctx.out().println("Memory alarm: " + node.get("mem_alarm"));
    ctx.out().println();
    ctx.out().println("Totals");
    ctx.out().println();
    if (overview.get("object_totals") instanceof Map<?, ?> totals) {
      totals.forEach((k, v) -> ctx.out().println(k + ": " + v));
    }
  }

  static void stop(Context ctx, List<String> args) {
    Args.exactly(args, 0, "stop");
    String node = (String) ctx.api().require("/api/overview").object().get("node");
    ctx.info("Stopping and halting node " + node + " ...");
    AccessCommands.check(ctx.api().post(ManagementClient.path("nodes", node, "stop"), null));
    // As rabbitmqctl stop: return once the node is gone.
    long deadline = System.nanoTime() + ctx.options().timeoutSeconds() * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        ctx.api().get("/api/healthchecks/node");
      } catch (CliException gone) {
        return;
      }
      pause();
    }
    throw new CliException(CliException.SOFTWARE, "node " + node + " did not stop in time");
  }

  static void awaitStartup(Context ctx, List<String> args) {
    Args.exactly(args, 0, "await_startup");
    long deadline = System.nanoTime() + ctx.options().timeoutSeconds() * 1_000_000_000L;
    while (true) {
      try {
        if (ctx.api().get("/api/healthchecks/node").ok()) {
          return;
        }
      } catch (CliException notYet) {
        if (System.nanoTime() >= deadline) {
          throw notYet;
        }
      }
      if (System.nanoTime() >= deadline) {
        throw new CliException(CliException.UNAVAILABLE, "the broker did not start in time");
      }
      pause();
    }
  }

  static void exportDefinitions(Context ctx, List<String> args) {
    Args.exactly(args, 1, "export_definitions <file>");
    String file = args.get(0);
    String json =
        io.warrenmq.broker.management.JsonWriter.write(
            ctx.api().require("/api/definitions").object());
    if (file.equals("-")) {
      ctx.out().println(json);
      return;
    }
    ctx.info("Exporting definitions in JSON to a file at \"" + file + "\" ...");
    try {
      Files.writeString(Path.of(file), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(
          CliException.DATA_ERROR,
          "No permissions to write to file " + file + " or its parent directory");
    }
  }

  static void importDefinitions(Context ctx, List<String> args) {
    Args.exactly(args, 1, "import_definitions <file>");
    String file = args.get(0);
    // rabbitmqctl checks the file as an argument, before it prints anything.
    if (!file.equals("-") && !Files.exists(Path.of(file))) {
      throw CliException.bare(
          CliException.DATA_ERROR,
          "Error (argument validation): Bad argument: File " + file + " does not exist");
    }
    ctx.info("Importing definitions in JSON from a file at \"" + file + "\" ...");
    String json;
    try {
      json =
          file.equals("-")
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(CliException.DATA_ERROR, "could not read " + file + ": " + e);
    }
    AccessCommands.check(ctx.api().post("/api/definitions", json));
    ctx.info("Successfully imported definitions.");
  }

  static void purgeQueue(Context ctx, List<String> args) {
    Args.exactly(args, 1, "purge_queue [-p <vhost>] <queue>");
    String vhost = ctx.options().vhost();
    String queue = args.get(0);
    ctx.info("Purging queue '" + queue + "' in vhost '" + vhost + "' ...");
    ManagementClient.Reply reply =
        ctx.api().delete(ManagementClient.path("queues", vhost, queue, "contents"));
    if (reply.status() == 404) {
      throw new CliException(CliException.UNAVAILABLE, "not_found");
    }
    AccessCommands.check(reply);
  }

  static void deleteQueue(Context ctx, List<String> args) {
    boolean ifEmpty = args.remove("--if-empty") | args.remove("-e");
    boolean ifUnused = args.remove("--if-unused") | args.remove("-u");
    Args.exactly(args, 1, "delete_queue [-p <vhost>] <queue> [--if-empty|-e] [--if-unused|-u]");
    String vhost = ctx.options().vhost();
    String queue = args.get(0);
    ctx.info("Deleting queue '" + queue + "' on vhost '" + vhost + "' ...");
    String path = ManagementClient.path("queues", vhost, queue);
    ManagementClient.Reply found = ctx.api().get(path);
    if (found.status() == 404) {
      // rabbitmqctl exits 64 here, not 69 as for purge_queue.
      throw CliException.error(CliException.USAGE, "Queue not found");
    }
    AccessCommands.check(found);
    Object messages = found.object().get("messages_ready");
    ManagementClient.Reply reply =
        ctx.api().delete(path + "?if-empty=" + ifEmpty + "&if-unused=" + ifUnused);
    if (reply.status() == 400) {
      throw new CliException(CliException.SOFTWARE, reply.reason());
    }
    AccessCommands.check(reply);
    ctx.info("Queue was successfully deleted with " + messages + " messages");
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(CliException.SOFTWARE, "interrupted");
    }
  }
}
