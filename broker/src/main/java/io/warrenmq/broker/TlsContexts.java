package io.warrenmq.broker;

import io.netty.handler.ssl.SslContext;
import io.warrenmq.broker.transport.TlsSettings;
import javax.net.ssl.SSLException;

/**
 * Loads the TLS context of a listener (AMQPS, management HTTPS) at start, turning an unreadable
 * certificate or key into a start failure that names both files and the format expected.
 */
final class TlsContexts {
  private TlsContexts() {}

  static SslContext load(TlsSettings settings) {
    try {
      return settings.serverContext();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot load TLS certificate "
              + settings.certFile()
              + " and key "
              + settings.keyFile()
              + " (PEM; the key unencrypted PKCS#8): "
              + e.getMessage(),
          e);
    }
  }
}
