package io.warrenmq.broker.access;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One user's topic permission on one topic exchange in one vhost, as RabbitMQ 3.10 has them: a
 * {@code write} expression matched against the routing key of a publish to the exchange, and a
 * {@code read} expression matched against the routing key of a binding from it. Before matching,
 * {@code {name}} variables ({@code username}, {@code vhost}, {@code client_id}) are replaced with
 * the connection's values, verbatim and unescaped, as RabbitMQ does; a variable the connection has
 * no value for stays as literal text. Matching is unanchored and the empty expression stands for
 * {@code ^$}, as for the other permissions. Immutable, thread-safe.
 */
public final class TopicPermission {
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_]+)}");
  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

  private final String exchange;
  private final String write;
  private final String read;
  // Compiled once when the expression has no variables; else compiled per check.
  private final Pattern writePattern;
  private final Pattern readPattern;

  private TopicPermission(String exchange, String write, String read) {
    this.exchange = exchange;
    this.write = write;
    this.read = read;
    // Validates both expressions with every variable left as literal text.
    Pattern w = compile(write, Map.of());
    Pattern r = compile(read, Map.of());
    this.writePattern = VARIABLE.matcher(write).find() ? null : w;
    this.readPattern = VARIABLE.matcher(read).find() ? null : r;
  }

  /**
   * @throws IllegalArgumentException when an expression does not compile
   */
  public static TopicPermission of(String exchange, String write, String read) {
    return new TopicPermission(exchange, write, read);
  }

  /**
   * Whether {@code permission} (WRITE or READ) is granted on {@code routingKey}.
   *
   * @param variables the connection's values for {@code {name}} variables
   */
  public boolean allows(Permission permission, String routingKey, Map<String, String> variables) {
    Pattern pattern;
    if (permission == Permission.WRITE) {
      pattern = writePattern != null ? writePattern : compile(write, variables);
    } else if (permission == Permission.READ) {
      pattern = readPattern != null ? readPattern : compile(read, variables);
    } else {
      throw new IllegalArgumentException("topic permissions are write or read, not " + permission);
    }
    return pattern.matcher(routingKey).find();
  }

  /**
   * The expression with its variables expanded. A brace that does not open a repetition such as
   * {@code {2,3}} is taken literally, as Erlang's regular expressions take it.
   */
  static Pattern compile(String regex, Map<String, String> variables) {
    if (regex.isEmpty()) {
      return Pattern.compile("^$");
    }
    StringBuilder expanded = new StringBuilder();
    var m = VARIABLE.matcher(regex);
    int last = 0;
    while (m.find()) {
      expanded.append(regex, last, m.start());
      String value = variables.get(m.group(1));
      expanded.append(value != null ? value : m.group());
      last = m.end();
    }
    expanded.append(regex, last, regex.length());
    try {
      return Pattern.compile(literalBraces(expanded.toString()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression '" + regex + "'", e);
    }
  }

  /** Escapes each unescaped '{' that does not open {n}, {n,} or {n,m} (a lone '}' is literal). */
  private static String literalBraces(String regex) {
    if (regex.indexOf('{') < 0) {
      return regex;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
      } else if (c == '{' && !QUANTIFIER.matcher(regex).region(i, regex.length()).lookingAt()) {
        out.append("\\{");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public String exchange() {
    return exchange;
  }

  public String write() {
    return write;
  }

  public String read() {
    return read;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TopicPermission p
        && p.exchange.equals(exchange)
        && p.write.equals(write)
        && p.read.equals(read);
  }

  @Override
  public int hashCode() {
    return (exchange.hashCode() * 31 + write.hashCode()) * 31 + read.hashCode();
  }

  @Override
  public String toString() {
    return exchange + " '" + write + "' '" + read + "'";
  }
}
