package io.warrenmq.broker.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.warrenmq.broker.connection.ConnectionLimits;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The AMQP listeners: plain TCP (5672) and, when configured, TLS (5671). Both accept on the boss
 * group and hand sockets to the same workers and connection limits.
 */
public final class BrokerServer {
  /**
   * Bytes a connection may hold encoded but unsent before its queues stop dispatching to it. Small
   * on purpose: what waits here is invisible to queue depth, publisher credit and the memory alarm,
   * and a flush carries one event-loop turn's writes, far below 256 KiB, so the socket never waits
   * on it (2 MiB held ~13,000 small deliveries, ~100 ms of S1).
   */
  static final WriteBufferWaterMark OUTBOUND_WATER_MARK =
      new WriteBufferWaterMark(64 * 1024, 256 * 1024);

  private final ServerBootstrap bootstrap;
  private final ConnectionLimits limits;
  private final List<Channel> listeners = new ArrayList<>();

  /** {@code boss} and {@code workers} must be event loops of {@code transport}. */
  public BrokerServer(
      Transport transport, EventLoopGroup boss, EventLoopGroup workers, ConnectionLimits limits) {
    this.limits = limits;
    this.bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, OUTBOUND_WATER_MARK);
  }

  /** Binds the plain AMQP listener (blocking the caller, never an event loop). */
  public InetSocketAddress bind(String host, int port) throws InterruptedException {
    return bind(host, port, null);
  }

  /**
   * Binds a listener; with {@code tls} its sockets speak TLS first (amqps). Returns the bound
   * address.
   */
  public InetSocketAddress bind(String host, int port, SslContext tls) throws InterruptedException {
    Channel listener =
        bootstrap
            .clone()
            .childHandler(new BrokerChannelInitializer(limits, tls))
            .bind(host, port)
            .sync()
            .channel();
    listeners.add(listener);
    return (InetSocketAddress) listener.localAddress();
  }

  /** Stops accepting new connections on every listener. */
  public void closeListener() throws InterruptedException {
    for (Channel listener : listeners) {
      listener.close().sync();
    }
    listeners.clear();
  }
}
