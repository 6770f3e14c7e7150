package io.warrenmq.broker.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.warrenmq.broker.connection.AmqpConnection;
import io.warrenmq.broker.connection.ConnectionLimits;
import io.warrenmq.model.codec.FrameEncoder;

/**
 * The pipeline of every accepted socket: header sniffer (then frame decoder), encoder, connection.
 */
final class BrokerChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final ConnectionLimits limits;

  BrokerChannelInitializer(ConnectionLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void initChannel(SocketChannel socket) {
    socket
        .pipeline()
        .addLast("header", new ProtocolHeaderHandler())
        .addLast("frameEncoder", new FrameEncoder())
        .addLast("connection", new AmqpConnection(limits));
  }
}
