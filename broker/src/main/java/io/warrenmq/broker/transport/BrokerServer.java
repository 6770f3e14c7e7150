package io.warrenmq.broker.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.warrenmq.broker.connection.ConnectionLimits;
import java.net.InetSocketAddress;

/** The TCP listener: binds, accepts, and sets up each socket's pipeline. */
public final class BrokerServer {
  private final ServerBootstrap bootstrap;
  private Channel listener;

  public BrokerServer(EventLoopGroup boss, EventLoopGroup workers, ConnectionLimits limits) {
    this.bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024))
            .childHandler(new BrokerChannelInitializer(limits));
  }

  /** Binds (blocking the caller, never an event loop) and returns the bound address. */
  public InetSocketAddress bind(String host, int port) throws InterruptedException {
    listener = bootstrap.bind(host, port).sync().channel();
    return (InetSocketAddress) listener.localAddress();
  }

  /** Stops accepting new connections. */
  public void closeListener() throws InterruptedException {
    if (listener != null) {
      listener.close().sync();
    }
  }
}
