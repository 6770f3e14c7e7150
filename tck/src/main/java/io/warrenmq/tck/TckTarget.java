package io.warrenmq.tck;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where the broker under test comes from, and the optional capabilities of the run. Read from
 * system properties first, then environment variables:
 *
 * <ul>
 *   <li>{@code tck.target}: {@code embedded} forces the in-process broker (run 1 sets it so that a
 *       URI in the environment does not redirect it), {@code uri} requires a URI;
 *   <li>{@code tck.broker.uri} / {@code TCK_BROKER_URI}: the broker's AMQP URI;
 *   <li>{@code tck.denied.vhost} / {@code TCK_DENIED_VHOST}: a virtual host that exists but that
 *       the URI's user may not open (for the 530 case); create it on RabbitMQ with {@code
 *       rabbitmqctl add_vhost tck-denied}.
 * </ul>
 */
public final class TckTarget {
  private TckTarget() {}

  /** The configured URI, if any (ignored when {@code tck.target=embedded}). */
  public static Optional<String> configuredUri() {
    if ("embedded".equals(System.getProperty("tck.target"))) {
      return Optional.empty();
    }
    return setting("tck.broker.uri", "TCK_BROKER_URI");
  }

  /** A launcher for an in-process broker, when one is on the class path. */
  public static Optional<BrokerLauncher> launcher() {
    if ("uri".equals(System.getProperty("tck.target"))) {
      return Optional.empty();
    }
    return ServiceLoader.load(BrokerLauncher.class).findFirst();
  }

  /** The vhost the user may not open, if the run has one. */
  public static Optional<String> deniedVhost() {
    if ("embedded".equals(System.getProperty("tck.target"))) {
      return Optional.empty(); // it names a vhost of the URI's broker, not of the in-process one
    }
    return setting("tck.denied.vhost", "TCK_DENIED_VHOST");
  }

  private static Optional<String> setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
