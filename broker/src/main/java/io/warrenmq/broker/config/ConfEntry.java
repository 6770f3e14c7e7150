package io.warrenmq.broker.config;

/**
 * One {@code key = value} line of a config file, with where it came from, so that an error can name
 * the file, the line and the key.
 *
 * @param source the file name (or another description of where the setting came from)
 * @param line the 1-based line number; 0 for a setting made in code
 * @param key the key, as written
 * @param value the value, trimmed
 */
public record ConfEntry(String source, int line, String key, String value) {

  /** A setting made in code (a {@code with...} method or a flag), not read from a file. */
  public static ConfEntry of(String key, String value) {
    return new ConfEntry("settings", 0, key, value);
  }

  /** An error about this entry: {@code FILE:LINE: key 'k': reason}. */
  public ConfigException error(String reason) {
    return new ConfigException(
        (line > 0 ? source + ":" + line : source) + ": key '" + key + "': " + reason);
  }
}
