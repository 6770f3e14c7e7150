package io.warrenmq.broker.connection;

import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The user a TLS client certificate names, for SASL EXTERNAL. */
final class PeerCertificates {
  private PeerCertificates() {}

  /**
   * The CN of the peer's certificate, when the TLS handshake verified one against the CA bundle
   * (verify_peer); null without TLS, without a client certificate, or without a CN.
   */
  static String commonName(SslHandler ssl) {
    if (ssl == null) {
      return null;
    }
    Certificate[] chain;
    try {
      chain = ssl.engine().getSession().getPeerCertificates();
    } catch (SSLPeerUnverifiedException none) {
      return null;
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
      return null;
    }
    try {
      LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
      // LdapName numbers RDNs right to left: the leftmost (most specific) CN is the one wanted.
      for (int i = name.size() - 1; i >= 0; i--) {
        Rdn rdn = name.getRdn(i);
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return null;
    }
    return null;
  }
}
