package io.warrenmq.broker.tls;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A throw-away PKI made at test time with the JDK's keytool: a CA, a server certificate for
 * localhost/127.0.0.1 and a client certificate signed by it, and a self-signed client the CA never
 * heard of. Everything lives in one temporary directory.
 */
final class TestPki {
  private static final char[] PASSWORD = "changeit".toCharArray();

  final Path dir;
  final Path caPem;
  final Path serverCertPem;
  final Path serverKeyPem;
  private final Path clientP12;
  private final Path clientPem;
  private final Path rogueP12;

  private TestPki(Path dir) {
    this.dir = dir;
    this.caPem = dir.resolve("ca.pem");
    this.serverCertPem = dir.resolve("server.pem");
    this.serverKeyPem = dir.resolve("server-key.pem");
    this.clientP12 = dir.resolve("client.p12");
    this.clientPem = dir.resolve("client.pem");
    this.rogueP12 = dir.resolve("rogue.p12");
  }

  /** Creates the CA and the certificates; {@code clientCn} is the client certificate's CN. */
  static TestPki create(Path dir, String clientCn) throws Exception {
    TestPki pki = new TestPki(dir);
    pki.keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-dname",
        "CN=WarrenMQ Test CA",
        "-ext",
        "bc:c",
        "-keystore",
        "ca.p12");
    pki.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
    pki.signed("server", "CN=localhost", "san=dns:localhost,ip:127.0.0.1");
    pki.signed("client", "CN=" + clientCn, null);
    pki.keytool(
        "-genkeypair", "-alias", "rogue", "-dname", "CN=" + clientCn, "-keystore", "rogue.p12");
    pki.writeKeyPem("server.p12", "server", pki.serverKeyPem);
    return pki;
  }

  /** A key pair in NAME.p12 with its certificate, signed by the CA, in NAME.pem. */
  private void signed(String name, String dname, String extension) throws Exception {
    keytool("-genkeypair", "-alias", name, "-dname", dname, "-keystore", name + ".p12");
    keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
    List<String> sign =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-infile",
                name + ".csr",
                "-outfile",
                name + ".pem"));
    if (extension != null) {
      sign.addAll(List.of("-ext", extension));
    }
    keytool(sign.toArray(String[]::new));
  }

  private void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    if (args[0].equals("-genkeypair")) {
      command.addAll(List.of("-keyalg", "RSA", "-keysize", "2048", "-validity", "2"));
    }
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
    }
  }

  /** The unencrypted PKCS#8 PEM of the key in a PKCS#12 store: what Netty and RabbitMQ read. */
  private void writeKeyPem(String store, String alias, Path out) throws Exception {
    PrivateKey key = (PrivateKey) load(dir.resolve(store)).getKey(alias, PASSWORD);
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    Files.writeString(
        out, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
  }

  /** A client context trusting the CA, presenting the CA-signed client certificate. */
  SSLContext clientWithCertificate() throws Exception {
    KeyStore source = load(clientP12);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "client",
        source.getKey("client", PASSWORD),
        PASSWORD,
        new Certificate[] {certificate(clientPem), certificate(caPem)});
    return context(keys);
  }

  /**
   * A client context trusting the CA, presenting a self-signed certificate the CA did not sign. The
   * JDK would not offer a certificate whose issuer the server did not list, so this one is forced.
   */
  SSLContext clientWithUntrustedCertificate() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(load(rogueP12), PASSWORD);
    X509ExtendedKeyManager keys = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
    X509ExtendedKeyManager forced =
        new X509ExtendedKeyManager() {
          @Override
          public String[] getClientAliases(String type, Principal[] issuers) {
            return new String[] {"rogue"};
          }

          @Override
          public String chooseClientAlias(String[] type, Principal[] issuers, Socket socket) {
            return "rogue";
          }

          @Override
          public String chooseEngineClientAlias(
              String[] type, Principal[] issuers, SSLEngine engine) {
            return "rogue";
          }

          @Override
          public String[] getServerAliases(String type, Principal[] issuers) {
            return null;
          }

          @Override
          public String chooseServerAlias(String type, Principal[] issuers, Socket socket) {
            return null;
          }

          @Override
          public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
          }

          @Override
          public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[] {forced}, trustManagers(), null);
    return context;
  }

  /** A client context trusting the CA, presenting no certificate. */
  SSLContext clientWithoutCertificate() throws Exception {
    return context(null);
  }

  private TrustManager[] trustManagers() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", certificate(caPem));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    return tmf.getTrustManagers();
  }

  private SSLContext context(KeyStore keys) throws Exception {
    KeyManagerFactory kmf = null;
    if (keys != null) {
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, PASSWORD);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), trustManagers(), null);
    return context;
  }

  private static KeyStore load(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static X509Certificate certificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
