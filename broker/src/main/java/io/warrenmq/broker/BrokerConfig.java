package io.warrenmq.broker;

import io.warrenmq.broker.flow.MemorySettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The broker's settings. Immutable; {@code with...} methods return changed copies. A properties
 * file ({@code --config FILE}) uses the keys of {@link #fromProperties}.
 *
 * @param bindAddress the address to listen on
 * @param port the AMQP port; 0 for an ephemeral one
 * @param dataDir where durable state goes (durability is a later issue); null for none
 * @param channelMax the channel_max offered to clients
 * @param frameMax the frame_max offered to clients
 * @param heartbeatSeconds the heartbeat offered to clients
 * @param handshakeTimeout how long a client may take to open its connection
 * @param maxMessageSize the largest message body accepted
 * @param maxConnections the most connections at once; 0 for no limit
 * @param defaultUser the user created at start
 * @param defaultPassword its password
 * @param loopbackOnlyGuest whether guest may only log in from loopback
 * @param workerThreads event loops for connections; 0 for Netty's default
 * @param queueThreads executors queues are pinned to; 0 for one per core
 * @param memory the memory high watermark over which publishers are blocked
 * @param managementPort the management HTTP API's port; 0 for an ephemeral one, -1 for none
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
    boolean loopbackOnlyGuest,
    int workerThreads,
    int queueThreads,
    MemorySettings memory,
    int managementPort) {

  /** The management HTTP API's default port, as RabbitMQ's. */
  public static final int DEFAULT_MANAGEMENT_PORT = 15672;

  /** RabbitMQ's defaults: port 5672 on all interfaces, guest/guest, 128 MiB messages. */
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
        true,
        0,
        0,
        MemorySettings.DEFAULTS,
        DEFAULT_MANAGEMENT_PORT);
  }

  /** Settings for tests: loopback, ephemeral AMQP and management ports. */
  public static BrokerConfig ephemeral() {
    return defaults().withBindAddress("127.0.0.1").withPort(0).withManagementPort(0);
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

  public BrokerConfig withLoopbackOnlyGuest(boolean loopbackOnly) {
    return with("loopback_only_guest", loopbackOnly);
  }

  /** The management HTTP API's port: 0 for an ephemeral one, -1 to run none. */
  public BrokerConfig withManagementPort(int newPort) {
    return with("management.port", newPort);
  }

  /** One setting changed, through the same keys as a config file, so each rule lives once. */
  private BrokerConfig with(String key, Object value) {
    Properties one = new Properties();
    one.setProperty(key, String.valueOf(value));
    return fromProperties(one);
  }

  public BrokerConfig withMemory(MemorySettings settings) {
    return new BrokerConfig(
        bindAddress,
        port,
        dataDir,
        channelMax,
        frameMax,
        heartbeatSeconds,
        handshakeTimeout,
        maxMessageSize,
        maxConnections,
        defaultUser,
        defaultPassword,
        loopbackOnlyGuest,
        workerThreads,
        queueThreads,
        settings,
        managementPort);
  }

  /**
   * Applies the keys present in {@code properties}: {@code port}, {@code bind}, {@code data_dir},
   * {@code channel_max}, {@code frame_max}, {@code heartbeat}, {@code handshake_timeout_ms}, {@code
   * max_message_size}, {@code max_connections}, {@code default_user}, {@code default_pass}, {@code
   * loopback_only_guest}, {@code worker_threads}, {@code queue_threads}, {@code management.port},
   * and the memory keys of {@link MemorySettings#withProperties}.
   */
  public BrokerConfig fromProperties(Properties properties) {
    return new BrokerConfig(
        properties.getProperty("bind", bindAddress),
        intOf(properties, "port", port),
        properties.containsKey("data_dir") ? Path.of(properties.getProperty("data_dir")) : dataDir,
        intOf(properties, "channel_max", channelMax),
        longOf(properties, "frame_max", frameMax),
        intOf(properties, "heartbeat", heartbeatSeconds),
        Duration.ofMillis(longOf(properties, "handshake_timeout_ms", handshakeTimeout.toMillis())),
        longOf(properties, "max_message_size", maxMessageSize),
        intOf(properties, "max_connections", maxConnections),
        properties.getProperty("default_user", defaultUser),
        properties.getProperty("default_pass", defaultPassword),
        Boolean.parseBoolean(
            properties.getProperty("loopback_only_guest", String.valueOf(loopbackOnlyGuest))),
        intOf(properties, "worker_threads", workerThreads),
        intOf(properties, "queue_threads", queueThreads),
        memory.withProperties(properties),
        intOf(properties, "management.port", managementPort));
  }

  /** Applies a key=value properties file. */
  public BrokerConfig fromFile(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return fromProperties(properties);
  }

  private static int intOf(Properties properties, String key, int fallback) {
    String value = properties.getProperty(key);
    return value == null ? fallback : Integer.parseInt(value.trim());
  }

  private static long longOf(Properties properties, String key, long fallback) {
    String value = properties.getProperty(key);
    return value == null ? fallback : Long.parseLong(value.trim());
  }
}
