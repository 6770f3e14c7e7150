package io.warrenmq.broker;

import io.warrenmq.broker.config.ConfEntry;
import io.warrenmq.broker.config.ConfFile;
import io.warrenmq.broker.config.ConfigKeys;
import io.warrenmq.broker.flow.MemorySettings;
import io.warrenmq.broker.transport.TlsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The broker's settings. Immutable; {@code with...} methods return changed copies. A config file
 * ({@code --config FILE}) is in RabbitMQ's {@code rabbitmq.conf} style; {@link ConfigKeys} lists
 * the keys, and every {@code with...} method goes through the same keys, so each rule lives once.
 *
 * @param bindAddress the address to listen on
 * @param port the AMQP port; 0 for an ephemeral one
 * @param dataDir where durable state and the log file go; null for none
 * @param channelMax the channel_max offered to clients
 * @param frameMax the frame_max offered to clients
 * @param heartbeatSeconds the heartbeat offered to clients
 * @param handshakeTimeout how long a client may take to open its connection
 * @param maxMessageSize the largest message body accepted
 * @param maxConnections the most connections at once; 0 for no limit
 * @param defaultUser the user created at the first start
 * @param defaultPassword its password
 * @param defaultVhost the vhost created at the first start
 * @param loopbackUsers users who may only log in from a loopback address (RabbitMQ's {@code
 *     loopback_users})
 * @param workerThreads event loops for connections; 0 for Netty's default
 * @param queueThreads executors queues are pinned to; 0 for one per core
 * @param memory the memory high watermark over which publishers are blocked
 * @param diskFreeLimitBytes under this much free space on the data directory's disk, publishers are
 *     blocked (RabbitMQ's {@code disk_free_limit.absolute})
 * @param managementPort the management HTTP API's port; 0 for an ephemeral one, -1 for none
 * @param amqpsBindAddress the TLS listener's address; null for {@code bindAddress}
 * @param amqpsPort the AMQP-over-TLS port; 0 for an ephemeral one, -1 for none
 * @param tls the TLS listener's certificate, key and peer verification; null when not configured
 * @param managementSslPort the management API's HTTPS port; 0 for an ephemeral one, -1 for none
 * @param managementTls the HTTPS listener's settings; null when not configured
 * @param prometheusPort the Prometheus {@code /metrics} port; 0 for an ephemeral one, -1 for none
 */
public record BrokerConfig(
    String bindAddress,
    int port,
    Path dataDir,
    int channelMax,
    long frameMax,
    int heartbeatSeconds,
    Duration handshakeTimeout,
    long maxMessageSize,
    int maxConnections,
    String defaultUser,
    String defaultPassword,
    String defaultVhost,
    Set<String> loopbackUsers,
    int workerThreads,
    int queueThreads,
    MemorySettings memory,
    long diskFreeLimitBytes,
    int managementPort,
    String amqpsBindAddress,
    int amqpsPort,
    TlsSettings tls,
    int managementSslPort,
    TlsSettings managementTls,
    int prometheusPort) {

  /** The management HTTP API's default port, as RabbitMQ's. */
  public static final int DEFAULT_MANAGEMENT_PORT = 15672;

  /** The Prometheus endpoint's default port, as RabbitMQ's {@code rabbitmq_prometheus}. */
  public static final int DEFAULT_PROMETHEUS_PORT = 15692;

  public BrokerConfig {
    loopbackUsers = Set.copyOf(loopbackUsers);
  }

  /**
   * RabbitMQ's defaults: port 5672 on all interfaces, guest/guest (loopback only) on vhost "/", 128
   * MiB messages, 50 MB disk free limit, management on 15672, Prometheus on 15692, no TLS.
   */
  public static BrokerConfig defaults() {
    return new BrokerConfig(
        "0.0.0.0",
        5672,
        null,
        2047,
        131072,
        60,
        Duration.ofSeconds(10),
        128L * 1024 * 1024,
        0,
        "guest",
        "guest",
        "/",
        Set.of("guest"),
        0,
        0,
        MemorySettings.DEFAULTS,
        50_000_000L,
        DEFAULT_MANAGEMENT_PORT,
        null,
        -1,
        null,
        -1,
        null,
        DEFAULT_PROMETHEUS_PORT);
  }

  /** Settings for tests: loopback, ephemeral AMQP and management ports, no Prometheus listener. */
  public static BrokerConfig ephemeral() {
    return defaults()
        .withBindAddress("127.0.0.1")
        .withPort(0)
        .withManagementPort(0)
        .withPrometheusPort(-1);
  }

  public BrokerConfig withPort(int newPort) {
    return with("port", newPort);
  }

  public BrokerConfig withBindAddress(String address) {
    return with("bind", address);
  }

  /** Where durable state goes; must not be null (start from {@link #defaults()} for none). */
  public BrokerConfig withDataDir(Path dir) {
    return with("data_dir", dir);
  }

  public BrokerConfig withHandshakeTimeout(Duration timeout) {
    return with("handshake_timeout_ms", timeout.toMillis());
  }

  public BrokerConfig withMaxMessageSize(long size) {
    return with("max_message_size", size);
  }

  public BrokerConfig withChannelMax(int max) {
    return with("channel_max", max);
  }

  /** Whether guest may log in from loopback only (RabbitMQ's {@code loopback_users.guest}). */
  public BrokerConfig withLoopbackOnlyGuest(boolean loopbackOnly) {
    return with("loopback_users.guest", loopbackOnly);
  }

  /** The management HTTP API's port: 0 for an ephemeral one, -1 to run none. */
  public BrokerConfig withManagementPort(int newPort) {
    return with("management.tcp.port", newPort);
  }

  /** The Prometheus endpoint's port: 0 for an ephemeral one, -1 to run none. */
  public BrokerConfig withPrometheusPort(int newPort) {
    return with("prometheus.tcp.port", newPort);
  }

  /** RabbitMQ's {@code disk_free_limit.absolute}, in bytes. */
  public BrokerConfig withDiskFreeLimit(long bytes) {
    return with("disk_free_limit.absolute", bytes);
  }

  public BrokerConfig withMemory(MemorySettings settings) {
    return ConfigKeys.from(this).memory(settings).build();
  }

  /** An AMQPS listener on {@code newPort} (0 ephemeral, -1 none) with {@code settings}. */
  public BrokerConfig withTls(int newPort, TlsSettings settings) {
    return ConfigKeys.from(this).tls(newPort, settings).build();
  }

  /**
   * An HTTPS management listener on {@code newPort} (0 ephemeral, -1 none) with {@code settings}.
   */
  public BrokerConfig withManagementTls(int newPort, TlsSettings settings) {
    return ConfigKeys.from(this).managementTls(newPort, settings).build();
  }

  /** True when {@code user} may only log in from a loopback address. */
  public boolean isLoopbackOnly(String user) {
    return loopbackUsers.contains(user);
  }

  /** One setting changed, through the same keys as a config file. */
  private BrokerConfig with(String key, Object value) {
    return apply(List.of(ConfEntry.of(key, String.valueOf(value))));
  }

  /**
   * Applies {@code entries} in order.
   *
   * @throws io.warrenmq.broker.config.ConfigException for an unknown key or a bad value, naming
   *     where it came from
   */
  public BrokerConfig apply(List<ConfEntry> entries) {
    return ConfigKeys.from(this).apply(entries).build();
  }

  /** Applies the keys present in {@code properties} (in key order), as {@link #apply}. */
  public BrokerConfig fromProperties(Properties properties) {
    List<ConfEntry> entries = new ArrayList<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      entries.add(ConfEntry.of(key, properties.getProperty(key).strip()));
    }
    return apply(entries);
  }

  /** Applies a {@code rabbitmq.conf}-style file ({@code key = value}, {@code #} comments). */
  public BrokerConfig fromFile(Path file) throws IOException {
    return apply(ConfFile.read(file));
  }
}
