package io.warrenmq.broker.channel;

import io.netty.buffer.ByteBuf;
import io.warrenmq.broker.vhost.DirectReplyTo;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;

/**
 * A channel's consumer of the direct reply-to pseudo-queue ({@link DirectReplyTo}): at most one per
 * channel, always no-ack, since a reply is never stored anywhere it could be redelivered from.
 * Created and ended on the channel's event loop; {@link #reply} is called from the publisher's
 * event loop and hops here.
 */
final class ReplyConsumer implements DirectReplyTo.Receiver {
  private final BrokerChannel channel;
  private final String tag;
  private final String name;
  private volatile boolean active = true;

  ReplyConsumer(BrokerChannel channel, String tag) {
    this.channel = channel;
    this.tag = tag;
    this.name = channel.vhost().directReplyTo().register(this);
  }

  /** RabbitMQ's checks (and texts) of a basic.consume on the pseudo-queue. */
  static void checkConsume(ReplyConsumer current, Basic.Consume consume) {
    if (!consume.noAck()) {
      throw AmqpException.preconditionFailed("reply consumer cannot acknowledge");
    }
    if (current != null) {
      throw AmqpException.preconditionFailed("reply consumer already set");
    }
  }

  String tag() {
    return tag;
  }

  /** The amq.rabbitmq.reply-to.* name that publishes on this channel put in reply_to. */
  String name() {
    return name;
  }

  /** Cancelled or the channel closed: replies to the name are dropped from now on. */
  void stop() {
    active = false;
    channel.vhost().directReplyTo().unregister(name);
  }

  @Override
  public void reply(String exchange, String routingKey, BasicProperties properties, ByteBuf body) {
    channel
        .eventLoop()
        .execute(
            () -> {
              if (!active || channel.state() != ChannelState.OPEN) {
                body.release();
                return;
              }
              Basic.Deliver deliver =
                  new Basic.Deliver(tag, channel.nextDeliveryTag(), false, exchange, routingKey);
              channel
                  .host()
                  .write(Command.withContent(channel.number(), deliver, properties, body));
            });
  }
}
