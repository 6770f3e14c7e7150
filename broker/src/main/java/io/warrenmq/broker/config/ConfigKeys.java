package io.warrenmq.broker.config;

import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.flow.MemorySettings;
import io.warrenmq.broker.transport.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The config keys and what each does to a {@link BrokerConfig}: a mutable copy of one, changed key
 * by key, then {@link #build built} and checked as a whole.
 *
 * <p>RabbitMQ's {@code rabbitmq.conf} keys: {@code listeners.tcp.default}, {@code
 * listeners.ssl.default} (port or ip:port), {@code ssl_options.cacertfile|certfile|keyfile|verify|
 * fail_if_no_peer_cert}, {@code default_user}, {@code default_pass}, {@code default_vhost}, {@code
 * vm_memory_high_watermark.relative|absolute}, {@code disk_free_limit.absolute}, {@code heartbeat},
 * {@code frame_max}, {@code channel_max}, {@code max_message_size}, {@code management.tcp.port},
 * {@code management.ssl.port} and {@code management.ssl.*} as {@code ssl_options.*}, {@code
 * loopback_users = none}, {@code loopback_users.NAME = true|false}, {@code prometheus.tcp.port}.
 * WarrenMQ's own: {@code port}, {@code bind}, {@code data_dir}, {@code handshake_timeout_ms},
 * {@code max_connections}, {@code loopback_only_guest}, {@code worker_threads}, {@code
 * queue_threads}, {@code management.port}, {@code memory.high_watermark}, {@code
 * memory.high_watermark.bytes}, {@code memory.calculation_strategy}. Anything else is refused.
 */
public final class ConfigKeys {
  private String bindAddress;
  private int port;
  private Path dataDir;
  private int channelMax;
  private long frameMax;
  private int heartbeatSeconds;
  private Duration handshakeTimeout;
  private long maxMessageSize;
  private int maxConnections;
  private String defaultUser;
  private String defaultPassword;
  private String defaultVhost;
  private final Set<String> loopbackUsers;
  private int workerThreads;
  private int queueThreads;
  private MemorySettings memory;
  private long diskFreeLimitBytes;
  private int managementPort;
  private String amqpsBindAddress;
  private int amqpsPort;
  private final TlsKeys tls;
  private int managementSslPort;
  private final TlsKeys managementTls;
  private int prometheusPort;
  private ConfEntry amqpsEntry = ConfEntry.of("listeners.ssl.default", "");
  private ConfEntry managementSslEntry = ConfEntry.of("management.ssl.port", "");

  private ConfigKeys(BrokerConfig config) {
    bindAddress = config.bindAddress();
    port = config.port();
    dataDir = config.dataDir();
    channelMax = config.channelMax();
    frameMax = config.frameMax();
    heartbeatSeconds = config.heartbeatSeconds();
    handshakeTimeout = config.handshakeTimeout();
    maxMessageSize = config.maxMessageSize();
    maxConnections = config.maxConnections();
    defaultUser = config.defaultUser();
    defaultPassword = config.defaultPassword();
    defaultVhost = config.defaultVhost();
    loopbackUsers = new HashSet<>(config.loopbackUsers());
    workerThreads = config.workerThreads();
    queueThreads = config.queueThreads();
    memory = config.memory();
    diskFreeLimitBytes = config.diskFreeLimitBytes();
    managementPort = config.managementPort();
    amqpsBindAddress = config.amqpsBindAddress();
    amqpsPort = config.amqpsPort();
    tls = new TlsKeys(config.tls());
    managementSslPort = config.managementSslPort();
    managementTls = new TlsKeys(config.managementTls());
    prometheusPort = config.prometheusPort();
  }

  /** A mutable copy of {@code config}. */
  public static ConfigKeys from(BrokerConfig config) {
    return new ConfigKeys(config);
  }

  /**
   * Applies {@code entries} in order. As RabbitMQ, a management HTTPS listener configured without a
   * {@code management.tcp.port} replaces the plain HTTP one.
   */
  public ConfigKeys apply(List<ConfEntry> entries) {
    boolean managementTcp = false;
    boolean managementSsl = false;
    for (ConfEntry entry : entries) {
      try {
        applyOne(entry);
      } catch (ConfigException e) {
        throw e;
      } catch (RuntimeException e) {
        throw entry.error(e.getMessage());
      }
      managementTcp |= entry.key().equals("management.tcp.port");
      managementTcp |= entry.key().equals("management.port");
      managementSsl |= entry.key().equals("management.ssl.port");
    }
    if (managementSsl && !managementTcp) {
      managementPort = -1;
    }
    return this;
  }

  public ConfigKeys memory(MemorySettings settings) {
    memory = settings;
    return this;
  }

  public ConfigKeys tls(int newPort, TlsSettings settings) {
    amqpsPort = newPort;
    tls.set(settings);
    return this;
  }

  public ConfigKeys managementTls(int newPort, TlsSettings settings) {
    managementSslPort = newPort;
    managementTls.set(settings);
    return this;
  }

  private void applyOne(ConfEntry entry) {
    String key = entry.key();
    String value = entry.value();
    if (key.startsWith("ssl_options.")) {
      tls.apply(entry, key.substring("ssl_options.".length()));
      return;
    }
    if (key.startsWith("management.ssl.") && !key.equals("management.ssl.port")) {
      managementTls.apply(entry, key.substring("management.ssl.".length()));
      return;
    }
    if (key.startsWith("loopback_users.")) {
      String user = key.substring("loopback_users.".length());
      if (bool(entry)) {
        loopbackUsers.add(user);
      } else {
        loopbackUsers.remove(user);
      }
      return;
    }
    switch (key) {
      case "port" -> port = port(entry);
      case "bind" -> bindAddress = nonEmpty(entry);
      case "listeners.tcp.default" -> {
        Listener listener = Listener.parse(value);
        port = checkPort(entry, listener.port());
        if (listener.host() != null) {
          bindAddress = listener.host();
        }
      }
      case "listeners.ssl.default" -> {
        Listener listener = Listener.parse(value);
        amqpsPort = checkPort(entry, listener.port());
        amqpsBindAddress = listener.host();
        amqpsEntry = entry;
      }
      case "data_dir" -> dataDir = Path.of(nonEmpty(entry));
      case "channel_max" -> channelMax = (int) range(entry, 0, 65535);
      case "frame_max" -> frameMax = range(entry, 4096, Integer.MAX_VALUE);
      case "heartbeat" -> heartbeatSeconds = (int) range(entry, 0, 65535);
      case "handshake_timeout_ms" ->
          handshakeTimeout = Duration.ofMillis(range(entry, 1, Integer.MAX_VALUE));
      case "max_message_size" -> maxMessageSize = range(entry, 1, Integer.MAX_VALUE);
      case "max_connections" -> maxConnections = (int) range(entry, 0, Integer.MAX_VALUE);
      case "default_user" -> defaultUser = nonEmpty(entry);
      case "default_pass" -> defaultPassword = value;
      case "default_vhost" -> defaultVhost = nonEmpty(entry);
      case "loopback_users" -> {
        if (!value.equals("none")) {
          throw entry.error("only 'none' is accepted here; use loopback_users.NAME = true|false");
        }
        loopbackUsers.clear();
      }
      case "loopback_only_guest" -> {
        if (bool(entry)) {
          loopbackUsers.add("guest");
        } else {
          loopbackUsers.remove("guest");
        }
      }
      case "worker_threads" -> workerThreads = (int) range(entry, 0, 1024);
      case "queue_threads" -> queueThreads = (int) range(entry, 0, 1024);
      case "vm_memory_high_watermark.relative" -> memory("memory.high_watermark", value);
      case "vm_memory_high_watermark.absolute" ->
          memory("memory.high_watermark.bytes", String.valueOf(InformationUnits.parse(value)));
      case "memory.high_watermark", "memory.high_watermark.bytes", "memory.calculation_strategy" ->
          memory(key, value);
      case "disk_free_limit.absolute" -> diskFreeLimitBytes = InformationUnits.parse(value);
      case "management.tcp.port", "management.port" -> managementPort = port(entry);
      case "management.ssl.port" -> {
        managementSslPort = port(entry);
        managementSslEntry = entry;
      }
      case "prometheus.tcp.port" -> prometheusPort = port(entry);
      default -> throw entry.error("unknown key");
    }
  }

  /** A memory key, applied by {@link MemorySettings#withProperties}, which owns their rules. */
  private void memory(String key, String value) {
    Properties one = new Properties();
    one.setProperty(key, value);
    memory = memory.withProperties(one);
  }

  /** The settings, checked as a whole (a TLS listener needs a certificate and a key). */
  public BrokerConfig build() {
    TlsSettings amqps = tls.settings();
    if (amqpsPort >= 0 && (amqps == null || amqps.problem() != null)) {
      throw amqpsEntry.error(
          "ssl_options: "
              + (amqps == null ? "certfile and keyfile are required" : amqps.problem()));
    }
    TlsSettings https = managementTls.settings();
    if (managementSslPort >= 0 && (https == null || https.problem() != null)) {
      throw managementSslEntry.error(
          "management.ssl: "
              + (https == null ? "certfile and keyfile are required" : https.problem()));
    }
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
        defaultVhost,
        loopbackUsers,
        workerThreads,
        queueThreads,
        memory,
        diskFreeLimitBytes,
        managementPort,
        amqpsBindAddress,
        amqpsPort,
        amqps,
        managementSslPort,
        https,
        prometheusPort);
  }

  static int port(ConfEntry entry) {
    return (int) range(entry, -1, 65535);
  }

  private static int checkPort(ConfEntry entry, int port) {
    if (port < 0 || port > 65535) {
      throw entry.error("port must be in 0..65535, not " + port);
    }
    return port;
  }

  static long range(ConfEntry entry, long min, long max) {
    long value;
    try {
      value = Long.parseLong(entry.value());
    } catch (NumberFormatException e) {
      throw entry.error("expected an integer, not '" + entry.value() + "'");
    }
    if (value < min || value > max) {
      throw entry.error("must be in " + min + ".." + max + ", not " + value);
    }
    return value;
  }

  static boolean bool(ConfEntry entry) {
    return switch (entry.value()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw entry.error("expected true or false, not '" + entry.value() + "'");
    };
  }

  private static String nonEmpty(ConfEntry entry) {
    if (entry.value().isEmpty()) {
      throw entry.error("must not be empty");
    }
    return entry.value();
  }

  /** A listener's value: {@code PORT}, {@code IP:PORT} or {@code [IPv6]:PORT}. */
  private record Listener(String host, int port) {
    static Listener parse(String value) {
      int colon = value.lastIndexOf(':');
      String host = colon < 0 ? null : value.substring(0, colon);
      if (host != null && host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        return new Listener(host, Integer.parseInt(value.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected PORT or IP:PORT, not '" + value + "'");
      }
    }
  }
}
