package io.warrenmq.broker.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket transport under the AMQP listener: Netty's native epoll on Linux when its library
 * loads (edge-triggered, with less garbage and fewer system calls per read cycle than the JDK's
 * selector), else NIO. {@code -Dwarrenmq.transport=nio} forces NIO, e.g. to rule the native library
 * out when chasing a problem; {@code epoll} asks for epoll and falls back to NIO with a warning
 * when it cannot load. Event loops and the server channel must come from the same transport, so
 * both are made here.
 */
public enum Transport {
  EPOLL {
    @Override
    public EventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
      return new EpollEventLoopGroup(threads, threadFactory);
    }

    @Override
    public Class<? extends ServerChannel> serverChannel() {
      return EpollServerSocketChannel.class;
    }
  },
  NIO {
    @Override
    public EventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
      return new NioEventLoopGroup(threads, threadFactory);
    }

    @Override
    public Class<? extends ServerChannel> serverChannel() {
      return NioServerSocketChannel.class;
    }
  };

  /** The system property that chooses: {@code auto} (the default), {@code epoll} or {@code nio}. */
  public static final String PROPERTY = "warrenmq.transport";

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  /** An event loop group of this transport; 0 threads means Netty's default (2 per core). */
  public abstract EventLoopGroup newGroup(int threads, ThreadFactory threadFactory);

  /** The listener channel class that matches {@link #newGroup}'s event loops. */
  public abstract Class<? extends ServerChannel> serverChannel();

  /** The transport chosen by {@value #PROPERTY}, logged at info with the reason for NIO. */
  public static Transport fromSystemProperty() {
    String value = System.getProperty(PROPERTY);
    Transport transport = choose(value, Epoll.isAvailable());
    if (transport == EPOLL) {
      LOG.info("transport: native epoll");
    } else if (value != null && value.trim().equalsIgnoreCase("nio")) {
      LOG.info("transport: nio ({}=nio)", PROPERTY);
    } else {
      LOG.info("transport: nio (native epoll unavailable: {})", Epoll.unavailabilityCause());
    }
    return transport;
  }

  /**
   * The transport for a property value ({@code null}, {@code auto}, {@code epoll}, {@code nio})
   * when epoll is or is not available; an unknown value is refused, so that a typo does not
   * silently keep the default.
   */
  static Transport choose(String value, boolean epollAvailable) {
    String v = value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "", "auto" -> {
        return epollAvailable ? EPOLL : NIO;
      }
      case "epoll" -> {
        if (!epollAvailable) {
          LOG.warn("{}=epoll but native epoll is unavailable here; using nio", PROPERTY);
        }
        return epollAvailable ? EPOLL : NIO;
      }
      case "nio" -> {
        return NIO;
      }
      default ->
          throw new IllegalArgumentException(
              PROPERTY + " must be auto, epoll or nio, not '" + value + "'");
    }
  }
}
