package io.warrenmq.broker.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransportTest {

  @Test
  void autoPrefersEpollWhenItLoads() {
    assertThat(Transport.choose(null, true)).isEqualTo(Transport.EPOLL);
    assertThat(Transport.choose("auto", true)).isEqualTo(Transport.EPOLL);
    assertThat(Transport.choose(null, false)).isEqualTo(Transport.NIO);
  }

  @Test
  void nioCanBeForced() {
    assertThat(Transport.choose("nio", true)).isEqualTo(Transport.NIO);
    assertThat(Transport.choose(" NIO ", true)).isEqualTo(Transport.NIO);
  }

  @Test
  void epollFallsBackToNioWhereItCannotLoad() {
    assertThat(Transport.choose("epoll", true)).isEqualTo(Transport.EPOLL);
    assertThat(Transport.choose("epoll", false)).isEqualTo(Transport.NIO);
  }

  @Test
  void unknownValueIsRefused() {
    assertThatThrownBy(() -> Transport.choose("epol", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warrenmq.transport");
  }

  /** Event loops and listener channel of one transport work together: accept, write, close. */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void servesAConnection(Transport transport) throws Exception {
    assumeTrue(transport != Transport.EPOLL || Epoll.isAvailable(), "no native epoll here");
    EventLoopGroup group = transport.newGroup(1, new DefaultThreadFactory("transport-test"));
    try {
      Channel listener =
          new ServerBootstrap()
              .group(group)
              .channel(transport.serverChannel())
              .childHandler(
                  new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                      ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {42}))
                          .addListener(ChannelFutureListener.CLOSE);
                    }
                  })
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      int port = ((InetSocketAddress) listener.localAddress()).getPort();
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        assertThat(in.read()).isEqualTo(42);
        assertThat(in.read()).isEqualTo(-1);
      }
      listener.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
