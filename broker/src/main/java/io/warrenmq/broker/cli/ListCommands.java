package io.warrenmq.broker.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * rabbitmqctl's {@code list_*} commands for queues, exchanges, bindings, connections, channels and
 * consumers: the same info keys, default columns and informational lines, read from the API's
 * objects. Stateless.
 */
final class ListCommands {
  private ListCommands() {}

  private static final List<String> QUEUE_KEYS =
      List.of(
          "name",
          "vhost",
          "durable",
          "auto_delete",
          "exclusive",
          "arguments",
          "messages",
          "messages_ready",
          "messages_unacknowledged",
          "consumers",
          "state",
          "type");

  static void queues(Context ctx, List<String> args) {
    String vhost = ctx.options().vhost();
    list(
        ctx,
        args,
        List.of("name", "messages"),
        fields(QUEUE_KEYS),
        ManagementClient.path("queues", vhost),
        vhost,
        "Timeout: " + ctx.options().timeoutSeconds() + ".0 seconds ...",
        "Listing queues for vhost " + vhost + " ...");
  }

  static void exchanges(Context ctx, List<String> args) {
    String vhost = ctx.options().vhost();
    list(
        ctx,
        args,
        List.of("name", "type"),
        fields(List.of("name", "vhost", "type", "durable", "auto_delete", "internal", "arguments")),
        ManagementClient.path("exchanges", vhost),
        vhost,
        "Listing exchanges for vhost " + vhost + " ...");
  }

  static void bindings(Context ctx, List<String> args) {
    String vhost = ctx.options().vhost();
    Map<String, Function<Map<String, Object>, Object>> keys = new LinkedHashMap<>();
    keys.put("source_name", b -> b.get("source"));
    keys.put("source_kind", b -> "exchange");
    keys.put("destination_name", b -> b.get("destination"));
    keys.put("destination_kind", b -> b.get("destination_type"));
    keys.put("routing_key", b -> b.get("routing_key"));
    keys.put("arguments", b -> b.get("arguments"));
    keys.put("vhost", b -> b.get("vhost"));
    list(
        ctx,
        args,
        List.of(
            "source_name",
            "source_kind",
            "destination_name",
            "destination_kind",
            "routing_key",
            "arguments"),
        keys,
        ManagementClient.path("bindings", vhost),
        vhost,
        "Listing bindings for vhost " + vhost + "...");
  }

  static void connections(Context ctx, List<String> args) {
    list(
        ctx,
        args,
        List.of("user", "peer_host", "peer_port", "state"),
        fields(
            List.of(
                "name",
                "user",
                "vhost",
                "peer_host",
                "peer_port",
                "host",
                "port",
                "state",
                "channels",
                "protocol",
                "ssl",
                "connected_at",
                "frame_max",
                "channel_max",
                "timeout",
                "client_properties")),
        "/api/connections",
        null,
        "Listing connections ...");
  }

  static void channels(Context ctx, List<String> args) {
    Map<String, Function<Map<String, Object>, Object>> keys =
        fields(
            List.of(
                "name",
                "number",
                "user",
                "vhost",
                "state",
                "consumer_count",
                "messages_unacknowledged",
                "prefetch_count"));
    // WarrenMQ has no Erlang pids: a channel's pid is its unique name.
    keys.put("pid", c -> c.get("name"));
    keys.put("connection", c -> nested(c, "connection_details", "name"));
    list(
        ctx,
        args,
        List.of("pid", "user", "consumer_count", "messages_unacknowledged"),
        keys,
        "/api/channels",
        null,
        "Listing channels ...");
  }

  static void consumers(Context ctx, List<String> args) {
    String vhost = ctx.options().vhost();
    Map<String, Function<Map<String, Object>, Object>> keys =
        fields(
            List.of(
                "consumer_tag",
                "ack_required",
                "prefetch_count",
                "active",
                "exclusive",
                "arguments"));
    keys.put("queue_name", c -> nested(c, "queue", "name"));
    keys.put("channel_pid", c -> nested(c, "channel_details", "name"));
    keys.put("activity_status", c -> c.get("activity_status"));
    list(
        ctx,
        args,
        List.of(
            "queue_name",
            "channel_pid",
            "consumer_tag",
            "ack_required",
            "prefetch_count",
            "active",
            "arguments"),
        keys,
        ManagementClient.path("consumers", vhost),
        vhost,
        "Listing consumers in vhost " + vhost + " ...");
  }

  /**
   * Requested columns (or the defaults) of every object at {@code path}, after the informational
   * {@code info} lines.
   */
  private static void list(
      Context ctx,
      List<String> requested,
      List<String> defaults,
      Map<String, Function<Map<String, Object>, Object>> keys,
      String path,
      String vhost,
      String... info) {
    List<String> columns = requested.isEmpty() ? defaults : requested;
    // rabbitmqctl validates the columns before it prints anything.
    Args.columns(columns, List.copyOf(keys.keySet()));
    for (String line : info) {
      ctx.info(line);
    }
    // rabbitmqctl lists nothing, successfully, for a vhost that does not exist.
    if (vhost != null && ctx.api().get(ManagementClient.path("vhosts", vhost)).status() == 404) {
      return;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> item : ctx.api().require(path).list()) {
      List<Object> row = new ArrayList<>();
      columns.forEach(c -> row.add(keys.get(c).apply(item)));
      rows.add(row);
    }
    ctx.table(columns, rows);
  }

  private static Map<String, Function<Map<String, Object>, Object>> fields(List<String> names) {
    Map<String, Function<Map<String, Object>, Object>> keys = new LinkedHashMap<>();
    names.forEach(n -> keys.put(n, item -> item.get(n)));
    return keys;
  }

  private static Object nested(Map<String, Object> item, String object, String field) {
    return item.get(object) instanceof Map<?, ?> map ? map.get(field) : null;
  }
}
