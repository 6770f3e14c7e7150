package io.warrenmq.broker.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
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
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP side listeners (management API and UI, Prometheus): Netty's HTTP codec on one event loop
 * of their own, so HTTP traffic never competes with AMQP connections. Bound and closed from
 * ordinary threads (both block); the management and metrics servers differ only in their handler.
 */
public final class HttpListeners {
  private final String threadName;
  private final List<Channel> listeners = new ArrayList<>();
  private EventLoopGroup group;

  /**
   * @param threadName the name of the listeners' event loop thread
   */
  public HttpListeners(String threadName) {
    this.threadName = threadName;
  }

  /**
   * Binds a listener, HTTPS with {@code tls} (null: plain HTTP), whose connections end in a handler
   * from {@code handler} after a codec that aggregates bodies of up to {@code maxBody} bytes
   * (larger ones get 413). Returns the bound address (the real port for port 0).
   */
  public InetSocketAddress bind(
      String host, int port, SslContext tls, int maxBody, Supplier<ChannelHandler> handler)
      throws InterruptedException {
    if (group == null) {
      group = new NioEventLoopGroup(1, new DefaultThreadFactory(threadName));
    }
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
                        .addLast(new HttpObjectAggregator(maxBody))
                        .addLast(handler.get());
                  }
                });
    Channel listener;
    try {
      listener = bootstrap.bind(host, port).sync().channel();
      listeners.add(listener);
    } catch (Exception e) { // bind() throws BindException undeclared
      close();
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw e instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("cannot listen on " + host + ":" + port, e);
    }
    return (InetSocketAddress) listener.localAddress();
  }

  /** Closes every listener and every connection they accepted. Idempotent. */
  public void close() {
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
