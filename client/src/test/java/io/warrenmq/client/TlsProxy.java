package io.warrenmq.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TLS-terminating TCP proxy for the TLS tests: it accepts TLS on an ephemeral loopback port and,
 * once a client's handshake succeeds, forwards the decrypted bytes to the plain AMQP port of the
 * broker under test (and the broker's bytes back, encrypted). RabbitMQ then needs no TLS listener.
 */
final class TlsProxy implements AutoCloseable {
  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final Channel server;
  private final String targetHost;
  private final int targetPort;
  private final AtomicInteger handshakes = new AtomicInteger();
  private final List<Throwable> handshakeFailures = new CopyOnWriteArrayList<>();

  TlsProxy(SslContext serverContext, String targetHost, int targetPort)
      throws InterruptedException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.AUTO_READ, false)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel client) {
                    client
                        .pipeline()
                        .addLast(serverContext.newHandler(client.alloc()))
                        .addLast(new Frontend());
                  }
                })
            .bind(InetAddress.getLoopbackAddress(), 0)
            .sync()
            .channel();
  }

  /** The TLS port. */
  int port() {
    return ((java.net.InetSocketAddress) server.localAddress()).getPort();
  }

  /** How many client handshakes succeeded. */
  int handshakes() {
    return handshakes.get();
  }

  /** Why client handshakes failed, as the proxy saw it. */
  List<Throwable> handshakeFailures() {
    return handshakeFailures;
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** The client side: TLS in front; connects upstream once the handshake succeeded. */
  private final class Frontend extends ChannelInboundHandlerAdapter {
    private Channel upstream;
    // Application data decoded in the same read as the handshake's end arrives before the upstream
    // socket is connected: hold it until then.
    private final List<Object> early = new java.util.ArrayList<>();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.read(); // the handshake needs reads; forwarding reads wait for the upstream socket
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (!(evt instanceof SslHandshakeCompletionEvent done)) {
        ctx.fireUserEventTriggered(evt);
        return;
      }
      if (!done.isSuccess()) {
        handshakeFailures.add(done.cause());
        ctx.close();
        return;
      }
      handshakes.incrementAndGet();
      Channel client = ctx.channel();
      new Bootstrap()
          .group(client.eventLoop())
          .channel(NioSocketChannel.class)
          .option(ChannelOption.AUTO_READ, false)
          .handler(new Relay(client))
          .connect(targetHost, targetPort)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess() && !client.isActive()) {
                      f.channel().close();
                    } else if (f.isSuccess()) {
                      upstream = f.channel();
                      early.forEach(upstream::write);
                      early.clear();
                      upstream.flush();
                      upstream.read();
                      client.read();
                    } else {
                      early.forEach(io.netty.util.ReferenceCountUtil::release);
                      early.clear();
                      client.close();
                    }
                  });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (upstream == null) {
        early.add(msg);
        return;
      }
      upstream
          .writeAndFlush(msg)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      ctx.channel().read();
                    } else {
                      f.channel().close();
                    }
                  });
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      // Reads are requested one at a time after each write (back-pressure), not here.
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      early.forEach(io.netty.util.ReferenceCountUtil::release);
      early.clear();
      closeOnFlush(upstream);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      closeOnFlush(ctx.channel());
    }
  }

  /** The broker side: plain TCP; relays the broker's bytes to the client's TLS channel. */
  private static final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel client;

    Relay(Channel client) {
      this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      client
          .writeAndFlush(msg)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      ctx.channel().read();
                    } else {
                      ctx.channel().close();
                    }
                  });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      closeOnFlush(client);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      closeOnFlush(ctx.channel());
    }
  }

  private static void closeOnFlush(Channel channel) {
    if (channel != null && channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
