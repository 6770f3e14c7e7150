package io.warrenmq.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Parameters read from an AMQP URI, as pika's {@code URLParameters}, following RabbitMQ's URI
 * rules: {@code amqp://} or {@code amqps://} (TLS, default port 5671), percent-encoded user,
 * password and virtual host.
 *
 * <p>The virtual host is the one path segment after the authority, percent-decoded: {@code
 * amqp://host/%2F} is {@code /}, {@code amqp://host/prod%2Feu} is {@code prod/eu}. No path ({@code
 * amqp://host}) and an empty path ({@code amqp://host/}) both mean the default virtual host {@code
 * /}, as in pika (RabbitMQ's URI spec reads an empty path as the virtual host {@code ""}, which no
 * broker has by default); a path with a second {@code /} is rejected (encode it as {@code %2F}).
 *
 * <p>Query parameters, all optional: {@code heartbeat}, {@code frame_max}, {@code channel_max},
 * {@code connection_attempts}, {@code retry_delay} (seconds), {@code connection_timeout} (or pika's
 * {@code socket_timeout}, seconds), {@code blocked_connection_timeout} (seconds), {@code
 * auth_mechanism} ({@code plain} or {@code amqplain}). Unknown names are rejected, as pika does.
 */
public class URLParameters extends ConnectionParameters {

  /**
   * Parses {@code url}, e.g. {@code amqp://user:pass@host:5672/%2F?heartbeat=30}.
   *
   * @throws IllegalArgumentException when it is not an AMQP URI
   */
  public URLParameters(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      throw new IllegalArgumentException("not an AMQP URI: " + url);
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
      throw new IllegalArgumentException("scheme must be amqp or amqps: " + url);
    }
    ssl(scheme.equals("amqps"));
    String rest = url.substring(schemeEnd + 3);
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    if (slash >= 0) {
      String path = rest.substring(slash + 1);
      if (path.contains("/")) {
        throw new IllegalArgumentException(
            "virtual host must be one path segment (use %2F): " + url);
      }
      virtualHost(path.isEmpty() ? "/" : decode(path));
    }
    parseAuthority(authority, url);
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        applyQuery(name, value);
      }
    }
  }

  private void parseAuthority(String authority, String url) {
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String password = colon < 0 ? "guest" : decode(userInfo.substring(colon + 1));
      credentials(new PlainCredentials(user, password));
      authority = authority.substring(at + 1);
    }
    String hostPart = authority;
    String portPart = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unterminated IPv6 address: " + url);
      }
      hostPart = authority.substring(1, close);
      if (close + 1 < authority.length() && authority.charAt(close + 1) == ':') {
        portPart = authority.substring(close + 2);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon >= 0) {
        hostPart = authority.substring(0, colon);
        portPart = authority.substring(colon + 1);
      }
    }
    host(hostPart.isEmpty() ? "localhost" : decode(hostPart));
    if (portPart != null && !portPart.isEmpty()) {
      port(parseInt("port", portPart));
    }
  }

  private void applyQuery(String name, String value) {
    switch (name) {
      case "heartbeat" -> heartbeat(parseInt(name, value));
      case "frame_max" -> frameMax(parseInt(name, value));
      case "channel_max" -> channelMax(parseInt(name, value));
      case "connection_attempts" -> connectionAttempts(parseInt(name, value));
      case "retry_delay" -> retryDelay(seconds(name, value));
      case "connection_timeout", "socket_timeout" -> connectionTimeout(seconds(name, value));
      case "blocked_connection_timeout" -> blockedConnectionTimeout(seconds(name, value));
      case "auth_mechanism" -> applyMechanism(value);
      default -> throw new IllegalArgumentException("unknown URL parameter: " + name);
    }
  }

  private void applyMechanism(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "plain" -> {}
      case "amqplain" -> {
        if (credentials() instanceof PlainCredentials plain) {
          credentials(plain.amqplain());
        }
      }
      default -> throw new IllegalArgumentException("unsupported auth_mechanism: " + value);
    }
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not an integer: " + value, e);
    }
  }

  private static Duration seconds(String name, String value) {
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number of seconds: " + value, e);
    }
  }

  /** Percent-decodes as URIs do (a '+' stays a '+', unlike form encoding). */
  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("bad percent-encoding in " + text);
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else if (bytes[i] == '%') {
        throw new IllegalArgumentException("bad percent-encoding in " + text);
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
