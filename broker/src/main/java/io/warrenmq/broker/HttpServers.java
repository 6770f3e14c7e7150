package io.warrenmq.broker;

import io.warrenmq.broker.management.ManagementServer;
import io.warrenmq.broker.metrics.PrometheusServer;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's HTTP side: the management API (HTTP, HTTPS or both) and the Prometheus endpoint,
 * each only when its port is configured (-1 disables it). Started after the AMQP listener is bound
 * and stopped before the connections are closed.
 *
 * <p>Thread-safety: started and stopped under the {@link Broker}'s monitor.
 */
final class HttpServers {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServers.class);

  private ManagementServer management;
  private PrometheusServer prometheus;
  private InetSocketAddress managementAddress;
  private InetSocketAddress managementSslAddress;
  private InetSocketAddress prometheusAddress;

  /**
   * Binds the configured listeners. On a failure, what was bound before stays bound: the caller
   * stops the broker, which {@link #stop}s them.
   */
  void start(Broker broker, BrokerConfig config) throws InterruptedException {
    if (config.managementPort() >= 0 || config.managementSslPort() >= 0) {
      management = new ManagementServer(broker);
      if (config.managementPort() >= 0) {
        managementAddress = management.start(config.bindAddress(), config.managementPort());
        LOG.info("WarrenMQ management API listening on {}", managementAddress);
      }
      if (config.managementSslPort() >= 0) {
        managementSslAddress =
            management.start(
                config.bindAddress(),
                config.managementSslPort(),
                TlsContexts.load(config.managementTls()));
        LOG.info("WarrenMQ management API (HTTPS) listening on {}", managementSslAddress);
      }
    }
    if (config.prometheusPort() >= 0) {
      prometheus = new PrometheusServer(broker);
      try {
        prometheusAddress = prometheus.start(config.bindAddress(), config.prometheusPort());
      } catch (InterruptedException | RuntimeException e) {
        prometheus = null;
        throw e;
      }
      LOG.info(
          "WarrenMQ Prometheus metrics on http://{}:{}/metrics",
          prometheusAddress.getHostString(),
          prometheusAddress.getPort());
    }
  }

  /** The management API's bound address, or null when it is disabled or not started. */
  InetSocketAddress managementAddress() {
    return managementAddress;
  }

  /** The management API's HTTPS address, or null when there is none. */
  InetSocketAddress managementSslAddress() {
    return managementSslAddress;
  }

  /** The Prometheus endpoint's bound address, or null when it is disabled. */
  InetSocketAddress prometheusAddress() {
    return prometheusAddress;
  }

  /** Closes whichever listeners are open; idempotent. */
  void stop() {
    if (management != null) {
      management.stop();
      management = null;
    }
    if (prometheus != null) {
      prometheus.stop();
      prometheus = null;
    }
    prometheusAddress = null;
    managementAddress = null;
    managementSslAddress = null;
  }
}
