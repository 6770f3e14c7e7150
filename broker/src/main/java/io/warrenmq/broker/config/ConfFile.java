package io.warrenmq.broker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a config file in RabbitMQ's {@code rabbitmq.conf} style: one {@code key = value} per line,
 * {@code #} starts a comment line, blank lines are skipped. What the keys mean is {@link
 * ConfigKeys}'s business; this only cuts lines, keeping their numbers for error messages.
 */
public final class ConfFile {
  private ConfFile() {}

  /** The entries of {@code file}, in order. */
  public static List<ConfEntry> read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The entries of {@code lines}; {@code source} names them in errors. */
  public static List<ConfEntry> parse(String source, List<String> lines) {
    List<ConfEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new ConfigException(
            source + ":" + (i + 1) + ": expected 'key = value', got '" + line + "'");
      }
      String key = line.substring(0, equals).strip();
      String value = line.substring(equals + 1).strip();
      entries.add(new ConfEntry(source, i + 1, key, value));
    }
    return entries;
  }
}
