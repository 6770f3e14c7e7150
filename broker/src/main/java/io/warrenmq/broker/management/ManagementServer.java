package io.warrenmq.broker.management;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.warrenmq.broker.Broker;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The management HTTP API's listeners (RabbitMQ's port 15672, and HTTPS when {@code
 * management.ssl.port} is set): Netty's HTTP codec on one event loop of its own, so API traffic
 * never competes with AMQP connections. Started and stopped by the broker from ordinary threads
 * (both block).
 */
public final class ManagementServer {
  /** Request bodies larger than this are refused (413) by the aggregator. */
  private static final int MAX_BODY = 1024 * 1024;

  private final Broker broker;
  private final List<Channel> listeners = new ArrayList<>();
  private EventLoopGroup group;

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
    if (group == null) {
      group = new NioEventLoopGroup(1, new DefaultThreadFactory("warren-mgmt"));
    }
    ApiRouter router = new ApiRouter(broker);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (tls != null) {
                      ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                    }
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new HttpApiHandler(broker, router));
                  }
                });
    Channel listener;
    try {
      listener = bootstrap.bind(host, port).sync().channel();
      listeners.add(listener);
    } catch (Exception e) { // bind() throws BindException undeclared
      stop();
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw e instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("cannot listen on " + host + ":" + port, e);
    }
    return (InetSocketAddress) listener.localAddress();
  }

  /** Closes the listeners and every API connection. Idempotent. */
  public void stop() {
    for (Channel listener : listeners) {
      listener.close().syncUninterruptibly();
    }
    listeners.clear();
    if (group != null) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      group = null;
    }
  }
}
