package io.warrenmq.broker.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * A TLS server's settings, as RabbitMQ's {@code ssl_options}: PEM certificate chain and PKCS#8
 * private key, and the CA bundle peers' certificates are checked against.
 *
 * @param caCertFile PEM CA certificates that client certificates must chain to; null for none
 * @param certFile the server's PEM certificate (chain)
 * @param keyFile the server's PEM private key (PKCS#8, unencrypted)
 * @param verifyPeer RabbitMQ's {@code verify_peer}: ask for a client certificate and check it
 * @param failIfNoPeerCert with {@code verifyPeer}, refuse clients that present no certificate
 */
public record TlsSettings(
    Path caCertFile, Path certFile, Path keyFile, boolean verifyPeer, boolean failIfNoPeerCert) {

  /** Why these settings cannot make a TLS server, or null when they can. */
  public String problem() {
    if (certFile == null || keyFile == null) {
      return "certfile and keyfile are required";
    }
    if (verifyPeer && caCertFile == null) {
      return "verify_peer needs a cacertfile to verify peers against";
    }
    for (Path file : new Path[] {caCertFile, certFile, keyFile}) {
      if (file != null && !Files.isReadable(file)) {
        return "cannot read " + file;
      }
    }
    return null;
  }

  /** Netty's server context for these settings (the JDK's TLS provider). */
  public SslContext serverContext() throws SSLException {
    SslContextBuilder builder = SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile());
    if (caCertFile != null) {
      builder.trustManager(caCertFile.toFile());
    }
    ClientAuth auth =
        !verifyPeer ? ClientAuth.NONE : failIfNoPeerCert ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
    return builder.clientAuth(auth).build();
  }
}
