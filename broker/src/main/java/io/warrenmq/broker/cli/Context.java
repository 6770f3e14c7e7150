package io.warrenmq.broker.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * One warrenctl run: the API client, the global options and where output goes, with rabbitmqctl's
 * output shape: informational lines ("Listing users ...") unless {@code -q}, then tab-separated
 * rows under a header row unless {@code --no-table-headers} (or {@code -s}, which drops both).
 */
record Context(ManagementClient api, Options options, PrintStream out) {

  /** The global options. */
  record Options(
      boolean quiet,
      boolean noHeaders,
      String vhost,
      String host,
      int port,
      String user,
      String password,
      int timeoutSeconds) {}

  /** An informational line, suppressed by {@code -q}. */
  void info(String line) {
    if (!options.quiet()) {
      out.println(line);
    }
  }

  /**
   * A table: the header row (unless suppressed) and one tab-separated line per row; nothing at all
   * when there are no rows, as rabbitmqctl prints its streamed lists (queues, bindings, ...).
   */
  void table(List<String> columns, List<List<Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (!options.noHeaders() && !columns.isEmpty()) {
      out.println(String.join("\t", columns));
    }
    for (List<Object> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          line.append('\t');
        }
        line.append(format(row.get(i)));
      }
      out.println(line);
    }
  }

  /**
   * A table as rabbitmqctl prints the commands that answer with a whole list (permissions, topic
   * permissions): an empty list is one empty line, without the header row.
   */
  void list(List<String> columns, List<List<Object>> rows) {
    if (rows.isEmpty()) {
      out.println();
    } else {
      table(columns, rows);
    }
  }

  /** Rows without a header, as rabbitmqctl 3.10 prints {@code list_user_topic_permissions}. */
  void rows(List<List<Object>> rows) {
    list(List.of(), rows);
  }

  /** A value as rabbitmqctl prints it: lists in brackets, argument tables as Erlang tuples. */
  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? ", " : "").append(format(list.get(i)));
      }
      return out.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("[");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ",").append("{\"").append(entry.getKey()).append("\",");
        Object v = entry.getValue();
        out.append(v instanceof String text ? "\"" + text + "\"" : format(v)).append('}');
        first = false;
      }
      return out.append(']').toString();
    }
    return value.toString();
  }
}
