package io.warrenmq.broker.access;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One user's permissions in one vhost: three regular expressions matched against resource names, as
 * RabbitMQ matches them: unanchored (a match anywhere in the name), and the empty expression stands
 * for {@code ^$}. The patterns are compiled once; instances are immutable and thread-safe.
 */
public final class Permissions {
  /** Everything: {@code ".*" ".*" ".*"}. */
  public static final Permissions ALL = of(".*", ".*", ".*");

  private final String configure;
  private final String write;
  private final String read;
  private final Pattern[] patterns;

  private Permissions(String configure, String write, String read) {
    this.configure = configure;
    this.write = write;
    this.read = read;
    this.patterns = new Pattern[] {compile(configure), compile(write), compile(read)};
  }

  /**
   * @throws IllegalArgumentException when an expression does not compile
   */
  public static Permissions of(String configure, String write, String read) {
    return new Permissions(configure, write, read);
  }

  private static Pattern compile(String regex) {
    if (regex.equals(".*")) {
      return null; // matches every name: no regex work on the hot path
    }
    try {
      return Pattern.compile(regex.isEmpty() ? "^$" : regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression '" + regex + "'", e);
    }
  }

  /** Whether {@code permission} is granted on the resource named {@code name}. */
  public boolean allows(Permission permission, String name) {
    Pattern pattern = patterns[permission.ordinal()];
    return pattern == null || pattern.matcher(name).find();
  }

  public String configure() {
    return configure;
  }

  public String write() {
    return write;
  }

  public String read() {
    return read;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Permissions p
        && p.configure.equals(configure)
        && p.write.equals(write)
        && p.read.equals(read);
  }

  @Override
  public int hashCode() {
    return (configure.hashCode() * 31 + write.hashCode()) * 31 + read.hashCode();
  }

  @Override
  public String toString() {
    return "'" + configure + "' '" + write + "' '" + read + "'";
  }
}
