package io.warrenmq.broker.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.warrenmq.broker.connection.AmqpConnection;
import io.warrenmq.broker.metrics.MessageCounters;
import io.warrenmq.model.Command;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Connection;
import java.net.SocketAddress;
import java.util.BitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the frames between the codec and the connection: logs each connection as RabbitMQ does
 * (accepted, opened with user and vhost, closed with the reason), and counts messages published and
 * delivered, and open channels, for the metrics. Passes everything on untouched.
 *
 * <p>Confinement: the socket's event loop.
 */
final class ConnectionLog extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLog.class);

  private final boolean tls;
  private final MessageCounters counters;
  private final BitSet openChannels = new BitSet();
  private String reason;

  ConnectionLog(boolean tls, MessageCounters counters) {
    this.tls = tls;
    this.counters = counters;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    LOG.info(
        "accepting {} connection {}",
        tls ? "AMQPS" : "AMQP",
        describe(ctx.channel().remoteAddress(), ctx.channel().localAddress()));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof MethodFrame frame) {
      Method method = frame.method();
      if (method instanceof Basic.Publish) {
        counters.received();
      } else if (method instanceof Channel.CloseOk) {
        channelClosed(frame.channel());
      } else if (method instanceof Connection.Close close && frame.channel() == 0) {
        reason =
            close.replyCode() == 200
                ? "client closed the connection"
                : "client closed the connection with "
                    + close.replyCode()
                    + " "
                    + close.replyText();
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    Method method = null;
    int channel = 0;
    if (msg instanceof MethodFrame frame) {
      method = frame.method();
      channel = frame.channel();
    } else if (msg instanceof Command command) {
      method = command.method();
      channel = command.channel();
    }
    if (method instanceof Basic.Deliver || method instanceof Basic.GetOk) {
      counters.delivered();
    } else if (method instanceof Channel.OpenOk && !openChannels.get(channel)) {
      openChannels.set(channel);
      counters.channels(1);
    } else if (method instanceof Channel.CloseOk) {
      channelClosed(channel);
    } else if (method instanceof Connection.OpenOk) {
      AmqpConnection connection = ctx.pipeline().get(AmqpConnection.class);
      LOG.info(
          "connection {} authenticated as user '{}', vhost '{}'",
          ctx.channel().remoteAddress(),
          connection.userName(),
          connection.vhostName());
    } else if (method instanceof Connection.Close close && reason == null) {
      reason = close.replyText();
    }
    ctx.write(msg, promise);
  }

  private void channelClosed(int channel) {
    if (openChannels.get(channel)) {
      openChannels.clear(channel);
      counters.channels(-1);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    counters.channels(-openChannels.cardinality());
    openChannels.clear();
    AmqpConnection connection = ctx.pipeline().get(AmqpConnection.class);
    String vhost = connection == null ? null : connection.vhostName();
    String why =
        reason != null
            ? reason
            : vhost != null
                ? "client unexpectedly closed TCP connection"
                : "closed before the connection was opened";
    if (vhost != null) {
      LOG.info(
          "closed connection {} (user '{}', vhost '{}'): {}",
          describe(ctx.channel().remoteAddress(), ctx.channel().localAddress()),
          connection.userName(),
          vhost,
          why);
    } else {
      LOG.info(
          "closed connection {}: {}",
          describe(ctx.channel().remoteAddress(), ctx.channel().localAddress()),
          why);
    }
    ctx.fireChannelInactive();
  }

  private static String describe(SocketAddress remote, SocketAddress local) {
    return "(" + remote + " -> " + local + ")";
  }
}
