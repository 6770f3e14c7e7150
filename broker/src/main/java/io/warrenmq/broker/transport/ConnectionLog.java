package io.warrenmq.broker.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.warrenmq.broker.connection.AmqpConnection;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Connection;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the frames between the codec and the connection: logs each connection as RabbitMQ does
 * (accepted, opened with user and vhost, closed with the reason). Passes everything on untouched.
 *
 * <p>Confinement: the socket's event loop.
 */
final class ConnectionLog extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLog.class);

  private final boolean tls;
  private String reason;

  ConnectionLog(boolean tls) {
    this.tls = tls;
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
      if (method instanceof Connection.Close close && frame.channel() == 0) {
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
    // Deliveries travel as Commands; only connection methods, sent as method frames, are logged.
    Method method = msg instanceof MethodFrame frame ? frame.method() : null;
    if (method instanceof Connection.OpenOk) {
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

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
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
