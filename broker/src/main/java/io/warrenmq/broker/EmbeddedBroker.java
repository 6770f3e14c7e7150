package io.warrenmq.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A broker inside the current JVM, for tests and tools: ephemeral AMQP and management ports on
 * loopback and a temporary data directory, both gone after {@link #close()}.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start()) {
 *   factory.setPort(broker.port());
 * }
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final Broker broker;
  private final Path dataDir;
  private final int port;

  private EmbeddedBroker(Broker broker, Path dataDir, int port) {
    this.broker = broker;
    this.dataDir = dataDir;
    this.port = port;
  }

  /** Starts a broker with {@link BrokerConfig#ephemeral()} settings. */
  public static EmbeddedBroker start() {
    return start(BrokerConfig.ephemeral());
  }

  /** Starts a broker with {@code config}, adding a temporary data directory if it has none. */
  public static EmbeddedBroker start(BrokerConfig config) {
    try {
      Path dir = config.dataDir() != null ? null : Files.createTempDirectory("warrenmq-");
      BrokerConfig effective = dir == null ? config : config.withDataDir(dir);
      if (effective.managementPort() > 0) {
        effective = effective.withManagementPort(0); // never a fixed port in tests
      }
      if (effective.prometheusPort() > 0) {
        effective = effective.withPrometheusPort(0);
      }
      Broker broker = new Broker(effective);
      int port = broker.start().getPort();
      return new EmbeddedBroker(broker, dir, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  /** The port the broker listens on. */
  public int port() {
    return port;
  }

  /**
   * The port of the management HTTP API (ephemeral).
   *
   * @throws IllegalStateException when it was disabled (management port -1)
   */
  public int managementPort() {
    InetSocketAddress address = broker.managementAddress();
    if (address == null) {
      throw new IllegalStateException("the management API is disabled");
    }
    return address.getPort();
  }

  /**
   * The port of the Prometheus endpoint (ephemeral).
   *
   * @throws IllegalStateException when it is disabled (the default of {@link
   *     BrokerConfig#ephemeral()}; enable it with {@code withPrometheusPort(0)})
   */
  public int prometheusPort() {
    InetSocketAddress address = broker.prometheusAddress();
    if (address == null) {
      throw new IllegalStateException("the Prometheus endpoint is disabled");
    }
    return address.getPort();
  }

  /** The host to connect to. */
  public String host() {
    return broker.address().getAddress().getHostAddress();
  }

  /** {@code amqp://guest:guest@host:port/%2f}. */
  public String uri() {
    return "amqp://guest:guest@" + host() + ":" + port + "/%2f";
  }

  /** The broker itself, for inspection. */
  public Broker broker() {
    return broker;
  }

  /** Stops the broker and deletes the temporary data directory. */
  @Override
  public void close() {
    broker.stop();
    if (dataDir != null) {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
