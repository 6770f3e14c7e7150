package io.warrenmq.broker.management;

import io.netty.handler.ssl.SslContext;
import io.warrenmq.broker.Broker;
import io.warrenmq.broker.transport.HttpListeners;
import java.net.InetSocketAddress;

/**
 * The management HTTP API's listeners (RabbitMQ's port 15672, and HTTPS when {@code
 * management.ssl.port} is set), on an {@link HttpListeners} event loop of its own. Started and
 * stopped by the broker from ordinary threads (both block).
 */
public final class ManagementServer {
  /** Request bodies larger than this are refused (413) by the aggregator. */
  private static final int MAX_BODY = 1024 * 1024;

  private final Broker broker;
  private final HttpListeners listeners = new HttpListeners("warren-mgmt");

  public ManagementServer(Broker broker) {
    this.broker = broker;
  }

  /** Binds a plain HTTP listener; returns the bound address (the real port for port 0). */
  public InetSocketAddress start(String host, int port) throws InterruptedException {
    return start(host, port, null);
  }

  /** Binds a listener, HTTPS with {@code tls}; returns the bound address. */
  public InetSocketAddress start(String host, int port, SslContext tls)
      throws InterruptedException {
    ApiRouter router = new ApiRouter(broker);
    return listeners.bind(host, port, tls, MAX_BODY, () -> new HttpApiHandler(broker, router));
  }

  /** Closes the listeners and every API connection. Idempotent. */
  public void stop() {
    listeners.close();
  }
}
