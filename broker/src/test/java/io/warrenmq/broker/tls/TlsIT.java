package io.warrenmq.broker.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.transport.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The amqps listener and HTTPS management with a CA made at test time, driven by the official
 * RabbitMQ Java client: TLS with and without a client certificate, SASL EXTERNAL as the
 * certificate's CN, an untrusted certificate refused, and GET /api/overview over HTTPS.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsIT {
  private static final String CERT_USER = "tls-user";

  @TempDir static Path dir;
  private static TestPki pki;
  private static EmbeddedBroker broker;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create(dir, CERT_USER);
    // verify_peer without fail_if_no_peer_cert: a certificate is checked when offered, not
    // required.
    TlsSettings amqps =
        new TlsSettings(pki.caPem, pki.serverCertPem, pki.serverKeyPem, true, false);
    TlsSettings https = new TlsSettings(null, pki.serverCertPem, pki.serverKeyPem, false, false);
    broker =
        EmbeddedBroker.start(
            BrokerConfig.ephemeral().withTls(0, amqps).withManagementTls(0, https));
    broker.broker().addUser(CERT_USER, "unused-password");
    broker.broker().setPermissions("/", CERT_USER, ".*", ".*", ".*");
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private static ConnectionFactory factory(SSLContext tls) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.broker().amqpsAddress().getPort());
    factory.useSslProtocol(tls);
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(10_000);
    return factory;
  }

  private static void roundTrip(Connection connection) throws Exception {
    Channel channel = connection.createChannel();
    String queue = channel.queueDeclare().getQueue();
    channel.basicPublish("", queue, null, "over tls".getBytes(StandardCharsets.UTF_8));
    GetResponse response = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (response == null && System.nanoTime() < deadline) {
      response = channel.basicGet(queue, true);
    }
    assertThat(response).isNotNull();
    assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("over tls");
  }

  @Test
  void plainLoginOverTlsWithoutClientCertificate() throws Exception {
    try (Connection connection = factory(pki.clientWithoutCertificate()).newConnection()) {
      roundTrip(connection);
    }
  }

  @Test
  void externalLoginAsTheCertificatesCommonName() throws Exception {
    ConnectionFactory factory = factory(pki.clientWithCertificate());
    factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
    factory.setUsername("ignored");
    try (Connection connection = factory.newConnection()) {
      roundTrip(connection);
      assertThat(connection.getServerProperties()).containsKey("product");
    }
  }

  @Test
  void externalIsNotOfferedWithoutACertificate() throws Exception {
    ConnectionFactory factory = factory(pki.clientWithoutCertificate());
    factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
    assertThatThrownBy(factory::newConnection).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void anUntrustedClientCertificateIsRefused() throws Exception {
    ConnectionFactory factory = factory(pki.clientWithUntrustedCertificate());
    assertThatThrownBy(factory::newConnection).isInstanceOf(Exception.class);
    // The broker is unharmed.
    try (Connection connection = factory(pki.clientWithoutCertificate()).newConnection()) {
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void anAmqpsListenerFromARabbitMqConfFile() throws Exception {
    Path conf =
        Files.write(
            dir.resolve("rabbitmq.conf"),
            List.of(
                "listeners.ssl.default = 127.0.0.1:0",
                "ssl_options.cacertfile = " + pki.caPem,
                "ssl_options.certfile = " + pki.serverCertPem,
                "ssl_options.keyfile = " + pki.serverKeyPem,
                "ssl_options.verify = verify_peer",
                "ssl_options.fail_if_no_peer_cert = true",
                "management.tcp.port = -1"));
    try (EmbeddedBroker fromFile = EmbeddedBroker.start(BrokerConfig.ephemeral().fromFile(conf))) {
      ConnectionFactory factory = factory(pki.clientWithCertificate());
      factory.setPort(fromFile.broker().amqpsAddress().getPort());
      try (Connection connection = factory.newConnection()) {
        roundTrip(connection);
      }
    }
  }

  @Test
  void failIfNoPeerCertRefusesClientsWithoutOne() throws Exception {
    TlsSettings required =
        new TlsSettings(pki.caPem, pki.serverCertPem, pki.serverKeyPem, true, true);
    try (EmbeddedBroker strict =
        EmbeddedBroker.start(
            BrokerConfig.ephemeral().withManagementPort(-1).withTls(0, required))) {
      ConnectionFactory factory = factory(pki.clientWithoutCertificate());
      factory.setPort(strict.broker().amqpsAddress().getPort());
      assertThatThrownBy(factory::newConnection).isInstanceOf(Exception.class);
      factory = factory(pki.clientWithCertificate());
      factory.setPort(strict.broker().amqpsAddress().getPort());
      try (Connection connection = factory.newConnection()) {
        roundTrip(connection);
      }
    }
  }

  @Test
  void managementOverviewOverHttps() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(pki.clientWithoutCertificate())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String auth =
        Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "https://127.0.0.1:"
                        + broker.broker().managementSslAddress().getPort()
                        + "/api/overview"))
            .header("Authorization", "Basic " + auth)
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"product_name\":\"WarrenMQ\"");
  }
}
