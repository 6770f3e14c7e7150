package io.warrenmq.client;

import io.netty.handler.ssl.SslContext;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where and how to connect, as pika's {@code ConnectionParameters}. Required values are constructor
 * arguments; pika's keyword arguments are the fluent setters below, usually given in a lambda:
 *
 * <pre>{@code
 * new ConnectionParameters("localhost", p -> p.credentials(new PlainCredentials("u", "pw")))
 * }</pre>
 *
 * Mutable: configure it on one thread, then hand it to {@link BlockingConnection}, which copies
 * what it needs.
 */
public class ConnectionParameters {
  /** The default AMQP port. */
  public static final int DEFAULT_PORT = 5672;

  /** The default AMQPS (TLS) port. */
  public static final int DEFAULT_SSL_PORT = 5671;

  private String host = "localhost";
  private int port = -1;
  private String virtualHost = "/";
  private Credentials credentials = new PlainCredentials("guest", "guest");
  private Integer heartbeat;
  private long frameMax = 131_072;
  private int channelMax = 2047;
  private int connectionAttempts = 1;
  private Duration retryDelay = Duration.ofSeconds(2);
  private Duration connectionTimeout = Duration.ofSeconds(10);
  private Duration blockedConnectionTimeout;
  private final Map<String, Object> clientProperties = new LinkedHashMap<>();
  private boolean ssl;
  private KeyStore trustStore;
  private SslContext sslContext;

  /** Parameters for {@code localhost:5672}, virtual host {@code /}, guest/guest. */
  public ConnectionParameters() {}

  /** Parameters for {@code host}, everything else default. */
  public ConnectionParameters(String host) {
    host(host);
  }

  /** Parameters for {@code host}, with pika's keyword arguments set by {@code options}. */
  public ConnectionParameters(String host, Consumer<ConnectionParameters> options) {
    host(host);
    options.accept(this);
  }

  /** The host name or address. */
  public String host() {
    return host;
  }

  /** Sets the host name or address. */
  public ConnectionParameters host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The port: the one set, else 5671 with TLS and 5672 without. */
  public int port() {
    return port >= 0 ? port : ssl ? DEFAULT_SSL_PORT : DEFAULT_PORT;
  }

  /** Sets the port. */
  public ConnectionParameters port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
    return this;
  }

  /** The virtual host; default {@code /}. */
  public String virtualHost() {
    return virtualHost;
  }

  /** Sets the virtual host (not percent-encoded: {@code /}, not {@code %2F}). */
  public ConnectionParameters virtualHost(String virtualHost) {
    this.virtualHost = Objects.requireNonNull(virtualHost, "virtualHost");
    return this;
  }

  /** The credentials; default guest/guest. */
  public Credentials credentials() {
    return credentials;
  }

  /** Sets the credentials. */
  public ConnectionParameters credentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /**
   * The heartbeat timeout in seconds asked for, or null to accept the broker's (pika's default). 0
   * turns heartbeats off.
   */
  public Integer heartbeat() {
    return heartbeat;
  }

  /** Sets the heartbeat timeout in seconds; it wins over the broker's; 0 turns heartbeats off. */
  public ConnectionParameters heartbeat(Integer seconds) {
    if (seconds != null && (seconds < 0 || seconds > 65535)) {
      throw new IllegalArgumentException("heartbeat out of range: " + seconds);
    }
    this.heartbeat = seconds;
    return this;
  }

  /** The largest frame asked for, in bytes; the lower of this and the broker's wins. */
  public long frameMax() {
    return frameMax;
  }

  /** Sets the largest frame asked for (at least 4096). */
  public ConnectionParameters frameMax(long frameMax) {
    if (frameMax < 4096 || frameMax > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("frame_max out of range: " + frameMax);
    }
    this.frameMax = frameMax;
    return this;
  }

  /** The most channels asked for; the lower of this and the broker's wins. */
  public int channelMax() {
    return channelMax;
  }

  /** Sets the most channels asked for (1 to 65535). */
  public ConnectionParameters channelMax(int channelMax) {
    if (channelMax < 1 || channelMax > 65535) {
      throw new IllegalArgumentException("channel_max out of range: " + channelMax);
    }
    this.channelMax = channelMax;
    return this;
  }

  /** How many times to try to connect before giving up; default 1. */
  public int connectionAttempts() {
    return connectionAttempts;
  }

  /** Sets how many times to try to connect. */
  public ConnectionParameters connectionAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("connection_attempts must be at least 1");
    }
    this.connectionAttempts = attempts;
    return this;
  }

  /** The pause between connection attempts; default 2 s. */
  public Duration retryDelay() {
    return retryDelay;
  }

  /** Sets the pause between connection attempts. */
  public ConnectionParameters retryDelay(Duration retryDelay) {
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    return this;
  }

  /** The limit on TCP connect plus AMQP handshake; default 10 s. */
  public Duration connectionTimeout() {
    return connectionTimeout;
  }

  /** Sets the limit on TCP connect plus AMQP handshake. */
  public ConnectionParameters connectionTimeout(Duration timeout) {
    this.connectionTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * How long a publish may wait while the broker blocks the connection before it fails with {@link
   * ConnectionBlockedTimeout}; null (the default) waits for as long as it takes.
   */
  public Duration blockedConnectionTimeout() {
    return blockedConnectionTimeout;
  }

  /** Sets the blocked-connection timeout; null to wait for as long as it takes. */
  public ConnectionParameters blockedConnectionTimeout(Duration timeout) {
    this.blockedConnectionTimeout = timeout;
    return this;
  }

  /** Extra client properties sent in connection.start-ok (a copy). */
  public Map<String, Object> clientProperties() {
    return new LinkedHashMap<>(clientProperties);
  }

  /**
   * Adds client properties, e.g. {@code connection_name}; they are merged over the defaults
   * (product, version, platform, capabilities).
   */
  public ConnectionParameters clientProperties(Map<String, Object> properties) {
    clientProperties.putAll(properties);
    return this;
  }

  /** True when the connection uses TLS. */
  public boolean ssl() {
    return ssl;
  }

  /**
   * Turns TLS on or off; with TLS on, the default port becomes 5671. The broker's certificate must
   * chain to the trust store (or the JDK's default trust) and be issued to {@link #host()} (a DNS
   * name or IP address in its subject alternative names), else connecting fails with an {@link
   * AMQPConnectionError} naming the TLS failure.
   */
  public ConnectionParameters ssl(boolean ssl) {
    this.ssl = ssl;
    return this;
  }

  /** The trust store for TLS, or null for the JDK's default trust. */
  public KeyStore trustStore() {
    return trustStore;
  }

  /**
   * Turns TLS on and trusts the certificates in {@code trustStore} (for {@link URLParameters}:
   * {@code new URLParameters("amqps://...").trustStore(store)}). The host name is still checked
   * against the broker's certificate.
   */
  public ConnectionParameters trustStore(KeyStore trustStore) {
    this.trustStore = trustStore;
    this.ssl = true;
    return this;
  }

  /** A complete Netty TLS context to use instead of the trust store, or null. */
  public SslContext sslContext() {
    return sslContext;
  }

  /**
   * Turns TLS on with a complete Netty client context (client certificates, ciphers...). It is used
   * as given: host name verification is whatever it configures (Netty 4.1's default is none; set
   * {@code endpointIdentificationAlgorithm("HTTPS")} on its builder).
   */
  public ConnectionParameters sslContext(SslContext sslContext) {
    this.sslContext = sslContext;
    this.ssl = sslContext != null || ssl;
    return this;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + (ssl ? "amqps://" : "amqp://")
        + credentials.username()
        + "@"
        + host
        + ":"
        + port()
        + " vhost="
        + virtualHost
        + "]";
  }
}
