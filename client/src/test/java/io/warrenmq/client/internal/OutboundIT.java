package io.warrenmq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.warrenmq.model.Command;
import io.warrenmq.model.Frame;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.codec.FrameDecoder;
import io.warrenmq.model.codec.FrameEncoder;
import io.warrenmq.model.generated.Basic;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Outbound} on a real socket: direct writes from publishing threads, queued writes from
 * others and writes on the event loop interleave without losing or reordering a thread's frames.
 */
@Timeout(30)
class OutboundIT {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 5_000;

  @Test
  void concurrentDirectQueuedAndLoopWritesKeepEachThreadsOrder() throws Exception {
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Channel socket =
          new Bootstrap()
              .group(group)
              .channel(DirectNioSocketChannel.class)
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      ch.pipeline().addLast(new FrameEncoder());
                    }
                  })
              .connect(server.getLocalSocketAddress())
              .sync()
              .channel();
      Socket peer = server.accept();
      CompletableFuture<byte[]> received =
          CompletableFuture.supplyAsync(() -> readAll(peer, expectedBytes()));
      Outbound outbound = new Outbound(socket, () -> {});
      outbound.allowDirect(131072);
      List<Thread> writers = new ArrayList<>();
      for (int t = 1; t <= THREADS; t++) {
        int channel = t;
        Thread writer =
            new Thread(
                () -> {
                  for (int i = 0; i < PER_THREAD; i++) {
                    Command ack = Command.of(channel, new Basic.Ack(i, false));
                    if (channel == THREADS) {
                      // the event loop's own writes (heartbeats, close-ok) go in between
                      socket.eventLoop().execute(() -> outbound.write(ack));
                    } else if ((i + channel) % 3 == 0) {
                      outbound.write(ack);
                    } else {
                      outbound.writeDirect(ack);
                    }
                  }
                });
        writer.start();
        writers.add(writer);
      }
      for (Thread writer : writers) {
        writer.join();
      }
      byte[] bytes = received.get(20, TimeUnit.SECONDS);
      peer.close();
      socket.close().sync();
      assertThat(decodePerChannel(bytes))
          .allSatisfy((channel, tags) -> assertThat(tags).isSorted().hasSize(PER_THREAD))
          .hasSize(THREADS);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  private static int expectedBytes() {
    EmbeddedChannel encoder = new EmbeddedChannel(new FrameEncoder());
    encoder.writeOutbound(Command.of(1, new Basic.Ack(0, false)));
    ByteBuf one = encoder.readOutbound();
    int size = one.readableBytes();
    one.release();
    encoder.finishAndReleaseAll();
    return THREADS * PER_THREAD * size;
  }

  private static byte[] readAll(Socket peer, int length) {
    try (InputStream in = peer.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[65536];
      while (out.size() < length) {
        int n = in.read(chunk);
        if (n < 0) {
          break;
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<Integer, List<Long>> decodePerChannel(byte[] bytes) {
    EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(0));
    decoder.writeInbound(Unpooled.wrappedBuffer(bytes));
    Map<Integer, List<Long>> tags = new HashMap<>();
    Frame frame;
    while ((frame = decoder.readInbound()) != null) {
      Basic.Ack ack = (Basic.Ack) ((MethodFrame) frame).method();
      tags.computeIfAbsent(frame.channel(), c -> new ArrayList<>()).add(ack.deliveryTag());
    }
    decoder.finishAndReleaseAll();
    return tags;
  }
}
