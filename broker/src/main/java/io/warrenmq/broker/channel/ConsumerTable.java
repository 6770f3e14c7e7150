package io.warrenmq.broker.channel;

import io.warrenmq.broker.access.Permission;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
import io.warrenmq.broker.vhost.DirectReplyTo;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.generated.Basic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A channel's subscriptions: basic.qos, basic.consume and basic.cancel, the consumers they create
 * (by tag, plus the one direct reply-to consumer) and the deliveries queues hand to them. Kept
 * apart from {@link BrokerChannel} so that the life of a consumer, from its tag to its last
 * delivery, reads in one place.
 *
 * <p>Confinement: the channel's event loop. Queues reach it only through {@link ChannelConsumer},
 * which hops to that loop first; the only state read from queue executors is the atomic channel
 * {@link Credit}.
 */
final class ConsumerTable {
  private final BrokerChannel channel;
  private final Map<String, ChannelConsumer> consumers = new LinkedHashMap<>();
  // basic.qos global=true: shared by every consumer of the channel, acquired on queue executors.
  private final Credit channelCredit = new Credit(0);
  private ReplyConsumer replyConsumer;
  private int consumerPrefetch;
  private int consumerTagCounter;

  ConsumerTable(BrokerChannel channel) {
    this.channel = channel;
  }

  Credit channelCredit() {
    return channelCredit;
  }

  /** The channel's direct reply-to consumer, or null. */
  ReplyConsumer replyConsumer() {
    return replyConsumer;
  }

  /** The prefetch count each new consumer gets (basic.qos global=false). */
  int prefetchCount() {
    return consumerPrefetch;
  }

  void qos(Basic.Qos qos) {
    if (qos.prefetchSize() != 0) {
      throw AmqpException.notImplemented("prefetch_size!=0 (" + qos.prefetchSize() + ")");
    }
    // RabbitMQ's reading: global=false limits each new consumer, global=true the whole channel.
    if (qos.global()) {
      channelCredit.setLimit(qos.prefetchCount());
      kickAll();
    } else {
      consumerPrefetch = qos.prefetchCount();
    }
    channel.reply(Basic.QosOk.INSTANCE);
  }

  /** basic.consume on {@code queueName}: the consume's queue, an empty name already resolved. */
  void consume(Basic.Consume consume, String queueName) {
    if (queueName.equals(DirectReplyTo.QUEUE)) {
      ReplyConsumer.checkConsume(replyConsumer, consume);
      replyConsumer = new ReplyConsumer(channel, newConsumerTag(consume));
      if (!consume.nowait()) {
        channel.reply(new Basic.ConsumeOk(replyConsumer.tag()));
      }
      return;
    }
    ChannelHost host = channel.host();
    host.access().queue(Permission.READ, queueName);
    MessageQueue queue = channel.vhost().queue(queueName, host.owner());
    int priority = ChannelConsumer.priorityOf(consume.arguments(), queue);
    String tag = newConsumerTag(consume);
    ChannelConsumer consumer =
        new ChannelConsumer(tag, queue, consume.noAck(), consumerPrefetch, priority, channel);
    consumers.put(tag, consumer);
    queue.addConsumer(
        consumer,
        consume.exclusive(),
        error -> channel.eventLoop().execute(() -> consumeAnswered(consumer, consume, error)));
  }

  /** The requested tag, or a generated one; 530 when the channel already has it. */
  private String newConsumerTag(Basic.Consume consume) {
    String tag = consume.consumerTag();
    if (tag.isEmpty()) {
      tag = "amq.ctag-" + channel.number() + "-" + (++consumerTagCounter) + "-" + System.nanoTime();
    }
    if (consumers.containsKey(tag) || (replyConsumer != null && replyConsumer.tag().equals(tag))) {
      throw AmqpException.notAllowed("attempt to reuse consumer tag '" + tag + "'");
    }
    return tag;
  }

  /** Runs after the queue registered (or refused) the consumer, before any of its deliveries. */
  private void consumeAnswered(ChannelConsumer consumer, Basic.Consume consume, AmqpException e) {
    boolean current = consumers.get(consumer.tag()) == consumer;
    if (e != null) {
      if (current) {
        consumers.remove(consumer.tag());
      }
      if (channel.state() == ChannelState.OPEN) {
        channel
            .host()
            .asyncError(channel.number(), e.forMethod(consume.classIndex(), consume.methodIndex()));
      }
    } else if (channel.state() != ChannelState.OPEN || !current) {
      consumer.queue().removeConsumer(consumer);
    } else if (!consume.nowait()) {
      channel.reply(new Basic.ConsumeOk(consumer.tag()));
    }
  }

  void cancel(Basic.Cancel cancel) {
    if (replyConsumer != null && replyConsumer.tag().equals(cancel.consumerTag())) {
      replyConsumer.stop();
      replyConsumer = null;
    }
    ChannelConsumer consumer = consumers.remove(cancel.consumerTag());
    Basic.CancelOk ok = new Basic.CancelOk(cancel.consumerTag());
    if (consumer == null) {
      if (!cancel.nowait()) {
        channel.reply(ok);
      }
    } else if (cancel.nowait()) {
      consumer.queue().removeConsumer(consumer);
    } else {
      // cancel-ok once the queue has let the consumer go, so a client that declares the queue
      // next finds an auto-delete queue already deleted (as RabbitMQ answers).
      consumer.queue().removeConsumer(consumer, () -> channel.replyLater(ok));
    }
  }

  /** A queue chose {@code consumer} for {@code entry}; we own the entry from here on. */
  void deliver(ChannelConsumer consumer, QueueEntry entry) {
    if (channel.state() != ChannelState.OPEN || consumers.get(consumer.tag()) != consumer) {
      // Cancelled or closed while the delivery was on its way: give it back untouched.
      consumer.releaseCredit();
      consumer.queue().bounce(entry);
      return;
    }
    long tag = channel.nextDeliveryTag();
    channel.vhost().queueCounters(consumer.queue()).delivered(1);
    var message = entry.message();
    var body = message.retainedBody();
    if (consumer.isNoAck()) {
      consumer.queue().settled(message);
      message.release();
    } else {
      channel.trackUnacked(tag, new Unacked(entry, consumer.queue(), consumer));
    }
    Basic.Deliver deliver =
        new Basic.Deliver(
            consumer.tag(), tag, entry.redelivered(), message.exchange(), message.routingKey());
    channel
        .host()
        .write(Command.withContent(channel.number(), deliver, message.properties(), body));
  }

  /** The queue was deleted under the consumer: tell the client (consumer_cancel_notify). */
  void cancelledByQueue(ChannelConsumer consumer) {
    if (consumers.remove(consumer.tag(), consumer)
        && channel.state() == ChannelState.OPEN
        && channel.host().consumerCancelNotify()) {
      channel.reply(new Basic.Cancel(consumer.tag(), true));
    }
  }

  /** Asks every queue this channel consumes from for a dispatch pass (credit or socket freed). */
  void kickAll() {
    Set<MessageQueue> queues = new LinkedHashSet<>();
    consumers.values().forEach(c -> queues.add(c.queue()));
    queues.forEach(MessageQueue::kick);
  }

  /** The channel is closing: every consumer leaves its queue, the reply consumer its name. */
  void removeAll() {
    for (ChannelConsumer consumer : consumers.values()) {
      consumer.queue().removeConsumer(consumer);
    }
    consumers.clear();
    if (replyConsumer != null) {
      replyConsumer.stop();
      replyConsumer = null;
    }
  }

  /** This channel's consumers as the management API lists them. */
  List<BrokerChannel.ConsumerView> views() {
    List<BrokerChannel.ConsumerView> out = new ArrayList<>();
    for (ChannelConsumer consumer : consumers.values()) {
      out.add(
          new BrokerChannel.ConsumerView(
              consumer.tag(), consumer.queue(), !consumer.isNoAck(), consumer.prefetch()));
    }
    return out;
  }
}
