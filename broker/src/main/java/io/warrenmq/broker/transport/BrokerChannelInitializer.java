package io.warrenmq.broker.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.warrenmq.broker.connection.AmqpConnection;
import io.warrenmq.broker.connection.ConnectionLimits;
import io.warrenmq.broker.metrics.MessageCounters;
import io.warrenmq.model.codec.FrameEncoder;

/**
 * The pipeline of every accepted socket: TLS (on the amqps listener), header sniffer (then frame
 * decoder), encoder, connection log, connection.
 */
final class BrokerChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final ConnectionLimits limits;
  private final SslContext tls;
  private final MessageCounters counters;

  /**
   * @param tls the server's TLS context, or null for plain AMQP
   */
  BrokerChannelInitializer(ConnectionLimits limits, SslContext tls, MessageCounters counters) {
    this.limits = limits;
    this.tls = tls;
    this.counters = counters;
  }

  @Override
  protected void initChannel(SocketChannel socket) {
    if (tls != null) {
      socket
          .pipeline()
          .addLast("tls", tls.newHandler(socket.alloc()))
          .addLast("tlsFailures", new TlsFailureHandler());
    }
    socket
        .pipeline()
        .addLast("header", new ProtocolHeaderHandler())
        .addLast("frameEncoder", new FrameEncoder())
        .addLast("connectionLog", new ConnectionLog(tls != null, counters))
        .addLast("connection", new AmqpConnection(limits));
  }
}
