package io.warrenmq.broker.connection;

import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import io.warrenmq.broker.channel.BrokerChannel;
import io.warrenmq.broker.channel.ChannelHost;
import io.warrenmq.broker.channel.ChannelState;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Frame;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Channel;
import java.util.List;

/**
 * The AMQP channels of one connection by number: handing each frame to its channel, opening one
 * within the negotiated channel-max, closing one for a soft error, and the calls the connection
 * makes on all of them at once (confirms at the end of a read, deliveries when the socket drains,
 * shutdown when it closes). A number is free again once its channel reports it closed.
 *
 * <p>Confinement: the connection's event loop.
 */
final class ChannelTable {
  private final IntObjectHashMap<BrokerChannel> channels = new IntObjectHashMap<>();
  private final ChannelHost host;

  ChannelTable(ChannelHost host) {
    this.host = host;
  }

  /**
   * Hands {@code frame} to the channel it is for; on a channel number not in use, only channel.open
   * is allowed (it opens the channel), anything else is 504 CHANNEL_ERROR.
   */
  void accept(Frame frame, int channelMax) {
    int number = frame.channel();
    BrokerChannel channel = channels.get(number);
    if (channel == null) {
      if (frame instanceof MethodFrame methodFrame
          && methodFrame.method() instanceof Channel.Open) {
        open(number, channelMax);
        return;
      }
      ReferenceCountUtil.release(frame);
      throw AmqpException.channelError("expected 'channel.open'");
    }
    channel.accept(frame);
  }

  /** Opens channel {@code number} and answers open-ok; above channel-max it is 530 NOT_ALLOWED. */
  private void open(int number, int channelMax) {
    if (number > channelMax) {
      throw AmqpException.notAllowed(
          "number of channels opened ("
              + channels.size()
              + ") has reached the negotiated channel_max ("
              + channelMax
              + ")");
    }
    channels.put(number, new BrokerChannel(number, host));
    host.write(new MethodFrame(number, Channel.OpenOk.INSTANCE));
  }

  /** Sends channel.close for a soft error; the channel drops frames until close-ok. */
  void close(int number, AmqpException error) {
    BrokerChannel channel = channels.get(number);
    if (channel == null || channel.state() != ChannelState.OPEN) {
      return;
    }
    channel.shutdown();
    host.write(
        new MethodFrame(
            number,
            new Channel.Close(
                error.replyCode().code(), error.replyText(), error.classId(), error.methodId())));
  }

  /** The channel finished closing: its number may be reused. */
  void remove(int number) {
    channels.remove(number);
  }

  /** The end of a read: each channel sends the confirms the read settled. */
  void flushConfirms() {
    for (BrokerChannel channel : channels.values()) {
      channel.flushConfirms();
    }
  }

  /** The socket is writable again: each channel's consumers get deliveries again. */
  void resumeDeliveries() {
    for (BrokerChannel channel : channels.values()) {
      channel.resumeDeliveries();
    }
  }

  /** The connection is closing: every channel cancels its consumers and requeues its unacked. */
  void shutdownAll() {
    for (BrokerChannel channel : List.copyOf(channels.values())) {
      channel.shutdown();
    }
    channels.clear();
  }

  /** The open channels, a copy. */
  List<BrokerChannel> list() {
    return List.copyOf(channels.values());
  }
}
