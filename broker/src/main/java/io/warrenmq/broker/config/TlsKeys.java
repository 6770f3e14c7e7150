package io.warrenmq.broker.config;

import io.warrenmq.broker.transport.TlsSettings;
import java.nio.file.Path;

/**
 * The {@code ssl_options.*} (or {@code management.ssl.*}) keys as they are read one by one: {@code
 * cacertfile}, {@code certfile}, {@code keyfile}, {@code verify} ({@code verify_none} or {@code
 * verify_peer}) and {@code fail_if_no_peer_cert}.
 */
final class TlsKeys {
  private Path caCertFile;
  private Path certFile;
  private Path keyFile;
  private boolean verifyPeer;
  private boolean failIfNoPeerCert;
  private boolean configured;

  TlsKeys(TlsSettings settings) {
    set(settings);
  }

  void set(TlsSettings settings) {
    configured = settings != null;
    if (settings != null) {
      caCertFile = settings.caCertFile();
      certFile = settings.certFile();
      keyFile = settings.keyFile();
      verifyPeer = settings.verifyPeer();
      failIfNoPeerCert = settings.failIfNoPeerCert();
    }
  }

  void apply(ConfEntry entry, String option) {
    switch (option) {
      case "cacertfile" -> caCertFile = Path.of(entry.value());
      case "certfile" -> certFile = Path.of(entry.value());
      case "keyfile" -> keyFile = Path.of(entry.value());
      case "verify" ->
          verifyPeer =
              switch (entry.value()) {
                case "verify_peer" -> true;
                case "verify_none" -> false;
                default ->
                    throw entry.error(
                        "expected verify_peer or verify_none, not '" + entry.value() + "'");
              };
      case "fail_if_no_peer_cert" -> failIfNoPeerCert = ConfigKeys.bool(entry);
      default -> throw entry.error("unknown key");
    }
    configured = true;
  }

  /** The settings, or null when no key was given. */
  TlsSettings settings() {
    return configured
        ? new TlsSettings(caCertFile, certFile, keyFile, verifyPeer, failIfNoPeerCert)
        : null;
  }
}
