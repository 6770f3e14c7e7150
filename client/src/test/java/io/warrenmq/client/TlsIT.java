package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.SslContextBuilder;
import io.warrenmq.model.generated.BasicProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS end to end: RabbitMQ has no TLS listener here, so {@link TlsProxy} terminates TLS on an
 * ephemeral port with a self-signed certificate made by the JDK's {@code keytool} at test time, and
 * forwards plain AMQP to the broker under test. The client connects through it with {@link
 * ConnectionParameters} and {@code amqps://} {@link URLParameters}, trusting the generated trust
 * store; clients that do not trust the certificate, or reach it under a name it does not carry,
 * fail at once with an {@link AMQPConnectionError} that names the TLS failure.
 */
@Timeout(60)
class TlsIT {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;

  /** The trust store holding the proxy's certificate (CN=localhost, IP 127.0.0.1). */
  private static KeyStore trustStore;

  /** A trust store holding a different self-signed certificate, for CN=wrong.example. */
  private static KeyStore otherTrustStore;

  private static TlsProxy proxy;
  private static TlsProxy wrongNameProxy;

  /**
   * Skips without a broker (each test, with the reason, as the other ITs do); else sets up once.
   */
  @BeforeEach
  void brokerCertificatesAndProxies() throws Exception {
    TestBroker.assumeAvailable();
    if (proxy != null) {
      return;
    }
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool.getParent());
    Path localhost = certificate(keytool, "localhost", "san=ip:127.0.0.1,dns:localhost");
    Path other = certificate(keytool, "wrong.example", "san=dns:wrong.example");
    trustStore = load(dir.resolve("localhost-trust.p12"));
    otherTrustStore = load(dir.resolve("wrong.example-trust.p12"));
    URLParameters broker = TestBroker.params();
    wrongNameProxy = new TlsProxy(serverContext(other), broker.host(), broker.port());
    proxy = new TlsProxy(serverContext(localhost), broker.host(), broker.port());
  }

  @AfterAll
  static void stopProxies() {
    for (TlsProxy p : new TlsProxy[] {proxy, wrongNameProxy}) {
      if (p != null) {
        p.close();
      }
    }
  }

  /**
   * Makes {@code name.p12} (a key pair and self-signed certificate) with keytool, exports the
   * certificate and imports it into {@code name-trust.p12}; returns the key store.
   */
  private static Path certificate(Path keytool, String name, String san)
      throws IOException, InterruptedException {
    Path keyStore = dir.resolve(name + ".p12");
    Path cert = dir.resolve(name + ".cer");
    String pass = new String(PASSWORD);
    keytool(
        keytool,
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-ext",
        san,
        "-validity",
        "2",
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        pass,
        "-keypass",
        pass);
    keytool(
        keytool,
        "-exportcert",
        "-alias",
        name,
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        pass,
        "-rfc",
        "-file",
        cert.toString());
    keytool(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        name,
        "-file",
        cert.toString(),
        "-keystore",
        dir.resolve(name + "-trust.p12").toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        pass);
    return keyStore;
  }

  private static void keytool(Path keytool, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(keytool.toString());
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static KeyStore load(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static io.netty.handler.ssl.SslContext serverContext(Path keyStore) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(load(keyStore), PASSWORD);
    return SslContextBuilder.forServer(kmf).build();
  }

  /** Parameters for the broker under test's vhost and credentials, through {@code via}. */
  private static ConnectionParameters through(TlsProxy via, String host, KeyStore trust) {
    URLParameters broker = TestBroker.params();
    return new ConnectionParameters(
        host,
        p ->
            p.port(via.port())
                .virtualHost(broker.virtualHost())
                .credentials(broker.credentials())
                .trustStore(trust));
  }

  /** Publishes (confirmed, small and multi-frame) and consumes back through {@code connection}. */
  private static void roundTrip(BlockingConnection connection) {
    BlockingChannel channel = connection.channel();
    String q = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
    channel.confirmDelivery();
    byte[] large = new byte[300_000]; // several frames and TLS records
    Arrays.fill(large, (byte) 'x');
    for (int i = 0; i < 100; i++) {
      channel.basicPublish("", q, "m" + i);
    }
    channel.basicPublish("", q, large, BasicProperties.builder().correlationId("large").build());
    List<String> received = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    channel.basicConsume(
        q,
        (ch, method, properties, body) -> {
          bodies.add(body);
          received.add(
              properties.correlationId() != null
                  ? properties.correlationId()
                  : new String(body, StandardCharsets.UTF_8));
          ch.basicAck(method.deliveryTag());
        });
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (received.size() < 101 && System.nanoTime() < deadline) {
      connection.processDataEvents(0.1);
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add("m" + i);
    }
    expected.add("large");
    assertThat(received).containsExactlyElementsOf(expected);
    assertThat(bodies.get(100)).isEqualTo(large);
    channel.close();
  }

  @Test
  void connectionParametersWithTrustStore() {
    int before = proxy.handshakes();
    try (BlockingConnection connection =
        new BlockingConnection(through(proxy, "127.0.0.1", trustStore))) {
      assertThat(proxy.handshakes()).isEqualTo(before + 1);
      roundTrip(connection);
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void amqpsUrlWithTrustStore() {
    URLParameters broker = TestBroker.params();
    String user =
        java.net.URLEncoder.encode(broker.credentials().username(), StandardCharsets.UTF_8);
    URLParameters params =
        new URLParameters(
            "amqps://"
                + user
                + ":"
                + java.net.URLEncoder.encode(
                    ((PlainCredentials) broker.credentials()).password(), StandardCharsets.UTF_8)
                + "@localhost:"
                + proxy.port()
                + "/"
                + java.net.URLEncoder.encode(broker.virtualHost(), StandardCharsets.UTF_8)
                + "?heartbeat=10&connection_timeout=5");
    params.trustStore(trustStore);
    assertThat(params.ssl()).isTrue();
    int before = proxy.handshakes();
    try (BlockingConnection connection = new BlockingConnection(params)) {
      assertThat(proxy.handshakes()).isEqualTo(before + 1);
      assertThat(connection.heartbeat()).isEqualTo(10);
      roundTrip(connection);
    }
  }

  @Test
  void untrustedCertificateFailsPromptly() {
    assertTlsFailure(through(proxy, "localhost", otherTrustStore), "certification path");
  }

  @Test
  void emptyTrustStoreIsRefusedBeforeConnecting() throws Exception {
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    assertThatThrownBy(() -> new BlockingConnection(through(proxy, "localhost", empty)).close())
        .isInstanceOf(AMQPConnectionError.class)
        .hasMessageContaining("TLS")
        .hasMessageContaining("trust store is empty");
  }

  @Test
  void certificateForAnotherHostFailsPromptly() {
    // Trusted, but issued to wrong.example: the client must check the name, not just the chain.
    assertTlsFailure(
        through(wrongNameProxy, "localhost", otherTrustStore), "subject alternative DNS name");
  }

  @Test
  void plainAmqpToTheTlsPortFailsPromptly() {
    ConnectionParameters plain = through(proxy, "localhost", trustStore).ssl(false);
    long start = System.nanoTime();
    assertThatThrownBy(() -> new BlockingConnection(plain).close())
        .isInstanceOf(AMQPConnectionError.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  private static void assertTlsFailure(ConnectionParameters params, String detail) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> new BlockingConnection(params).close())
        .isInstanceOf(AMQPConnectionError.class)
        .hasMessageStartingWith("TLS handshake with localhost:")
        .hasMessageContaining(detail);
    // Fails on the handshake, not on the 10 s connection timeout.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
