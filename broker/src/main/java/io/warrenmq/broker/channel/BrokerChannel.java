package io.warrenmq.broker.channel;

import io.netty.channel.EventLoop;
import io.warrenmq.broker.access.Permission;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
import io.warrenmq.broker.vhost.DirectReplyTo;
import io.warrenmq.broker.vhost.Exchange;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.ContentBodyFrame;
import io.warrenmq.model.Frame;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.codec.CommandAssembler;
import io.warrenmq.model.generated.Access;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Confirm;
import io.warrenmq.model.generated.Queue;
import io.warrenmq.model.generated.Tx;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One AMQP channel on the broker: assembles commands from frames and carries out its methods (spec
 * classes channel, exchange, queue, basic, confirm, tx).
 *
 * <p>Confinement: the connection's event loop. Queues reach it only through {@link
 * ChannelConsumer}, which hops here before calling {@link #deliver}; the only fields read from
 * other threads are the volatile {@code state} and the atomic {@link Credit}s.
 */
public final class BrokerChannel {
  private final int number;
  private final ChannelHost host;
  private final VirtualHost vhost;
  private final CommandAssembler assembler;
  private final Map<String, ChannelConsumer> consumers = new LinkedHashMap<>();
  private final UnackedMap unacked;
  private final Credit channelCredit = new Credit(0);
  private final TopologyMethods topology;
  private final Publisher publisher;
  private final ConsumerTimeout consumerTimeout;
  private ReplyConsumer replyConsumer;
  private volatile ChannelState state = ChannelState.OPEN;
  private long nextDeliveryTag = 1;
  private int consumerPrefetch;
  private int consumerTagCounter;

  /** Creates an open channel (channel.open-ok is the caller's to send). */
  public BrokerChannel(int number, ChannelHost host) {
    this.number = number;
    this.host = host;
    this.vhost = host.vhost();
    this.unacked = new UnackedMap(host.counters());
    this.assembler = new CommandAssembler(number, host.maxMessageSize());
    this.topology = new TopologyMethods(this);
    this.publisher = new Publisher(this);
    this.consumerTimeout = new ConsumerTimeout(this);
  }

  public int number() {
    return number;
  }

  public ChannelState state() {
    return state;
  }

  EventLoop eventLoop() {
    return host.eventLoop();
  }

  ChannelHost host() {
    return host;
  }

  VirtualHost vhost() {
    return vhost;
  }

  Credit channelCredit() {
    return channelCredit;
  }

  /** Read by queues on their executors: false pauses dispatch to this channel's consumers. */
  boolean isDeliverable() {
    return state == ChannelState.OPEN && host.isWritable();
  }

  /**
   * Takes one frame of this channel; takes ownership of body frames. Methods run as soon as their
   * command is complete; errors surface as {@link AmqpException}s for the connection's mapper.
   */
  public void accept(Frame frame) {
    if (state != ChannelState.OPEN) {
      acceptWhileClosing(frame);
      return;
    }
    Command command = assembler.accept(frame);
    if (command == null) {
      return;
    }
    Method method = command.method();
    try {
      handle(command);
    } catch (AmqpException e) {
      throw e.forMethod(method.classIndex(), method.methodIndex());
    } finally {
      command.release();
    }
  }

  /** Spec 1.5.2.5: after the broker's channel.close, everything but close/close-ok is dropped. */
  private void acceptWhileClosing(Frame frame) {
    if (frame instanceof ContentBodyFrame body) {
      body.release();
    } else if (frame instanceof MethodFrame methodFrame) {
      Method method = methodFrame.method();
      if (method instanceof Channel.Close) {
        reply(Channel.CloseOk.INSTANCE);
        finishClose();
      } else if (method instanceof Channel.CloseOk) {
        finishClose();
      }
    }
  }

  private void handle(Command command) {
    Method method = command.method();
    if (method instanceof Basic.Publish publish) {
      publisher.publish(publish, command);
      vhost.counters().published(1);
    } else if (method instanceof Basic.Ack ack) {
      publisher.settleOrBuffer(command, () -> ack(ack.deliveryTag(), ack.multiple()));
    } else if (method instanceof Basic.Reject r) {
      publisher.settleOrBuffer(command, () -> reject(r.deliveryTag(), false, r.requeue()));
    } else if (method instanceof Basic.Nack n) {
      publisher.settleOrBuffer(command, () -> reject(n.deliveryTag(), n.multiple(), n.requeue()));
    } else if (method instanceof Basic.Consume consume) {
      consume(consume);
    } else if (method instanceof Basic.Cancel cancel) {
      cancel(cancel);
    } else if (method instanceof Basic.Get get) {
      topology.get(get);
    } else if (method instanceof Basic.Qos qos) {
      qos(qos);
    } else if (method instanceof Basic.Recover recover) {
      recover(recover.requeue());
      reply(Basic.RecoverOk.INSTANCE);
    } else if (method instanceof Basic.RecoverAsync recover) {
      recover(recover.requeue());
    } else if (method.classIndex() == Queue.CLASS_INDEX
        || method.classIndex() == io.warrenmq.model.generated.Exchange.CLASS_INDEX) {
      topology.handle(method);
    } else if (method instanceof Confirm.Select || method.classIndex() == Tx.CLASS_INDEX) {
      publisher.handle(method);
    } else if (method instanceof Channel.Close) {
      shutdown();
      reply(Channel.CloseOk.INSTANCE);
      finishClose();
    } else if (method instanceof Channel.Flow flow) {
      if (!flow.active()) {
        // RabbitMQ no longer implements flow control by the client (channel.flow active=false).
        throw AmqpException.notImplemented("active=false");
      }
      reply(new Channel.FlowOk(true));
    } else if (method instanceof Channel.Open) {
      throw AmqpException.channelError("second 'channel.open' seen");
    } else if (method instanceof Access.Request) {
      reply(new Access.RequestOk(1));
    } else if (!(method instanceof Channel.CloseOk)) {
      throw AmqpException.commandInvalid("unimplemented method " + method.methodName());
    }
  }

  /** Writes a reply on this channel. */
  void reply(Method method) {
    host.write(new MethodFrame(number, method));
  }

  /** Writes a reply from another thread's answer, unless the channel has closed meanwhile. */
  void replyLater(Method method) {
    eventLoop()
        .execute(
            () -> {
              if (state == ChannelState.OPEN) {
                reply(method);
              }
            });
  }

  /** Reports an error found on another thread, unless the channel has closed meanwhile. */
  void failLater(AmqpException error, Method method) {
    eventLoop()
        .execute(
            () -> {
              if (state == ChannelState.OPEN) {
                host.asyncError(number, error.forMethod(method.classIndex(), method.methodIndex()));
              }
            });
  }

  /** The next delivery tag (spec: per channel, from 1). */
  long nextDeliveryTag() {
    vhost.counters().delivered(1);
    return nextDeliveryTag++;
  }

  void trackUnacked(long tag, Unacked delivery) {
    unacked.put(tag, delivery);
    consumerTimeout.delivered();
  }

  /** The oldest delivery awaiting its ack, or null (consumer timeout). */
  Unacked oldestUnacked() {
    return unacked.oldest();
  }

  // ---- consumers ----

  private void qos(Basic.Qos qos) {
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
    reply(Basic.QosOk.INSTANCE);
  }

  private void consume(Basic.Consume consume) {
    String queueName = topology.resolveQueue(consume.queue());
    if (queueName.equals(DirectReplyTo.QUEUE)) {
      ReplyConsumer.checkConsume(replyConsumer, consume);
      replyConsumer = new ReplyConsumer(this, newConsumerTag(consume));
      if (!consume.nowait()) {
        reply(new Basic.ConsumeOk(replyConsumer.tag()));
      }
      return;
    }
    host.access().queue(Permission.READ, queueName);
    MessageQueue queue = vhost.queue(queueName, host.owner());
    int priority = ChannelConsumer.priorityOf(consume.arguments(), queue);
    String tag = newConsumerTag(consume);
    ChannelConsumer consumer =
        new ChannelConsumer(tag, queue, consume.noAck(), consumerPrefetch, priority, this);
    consumers.put(tag, consumer);
    queue.addConsumer(
        consumer,
        consume.exclusive(),
        error -> eventLoop().execute(() -> consumeAnswered(consumer, consume, error)));
  }

  /** The requested tag, or a generated one; 530 when the channel already has it. */
  private String newConsumerTag(Basic.Consume consume) {
    String tag = consume.consumerTag();
    if (tag.isEmpty()) {
      tag = "amq.ctag-" + number + "-" + (++consumerTagCounter) + "-" + System.nanoTime();
    }
    if (consumers.containsKey(tag) || (replyConsumer != null && replyConsumer.tag().equals(tag))) {
      throw AmqpException.notAllowed("attempt to reuse consumer tag '" + tag + "'");
    }
    return tag;
  }

  /** The channel's direct reply-to consumer, or null. */
  ReplyConsumer replyConsumer() {
    return replyConsumer;
  }

  /** Runs after the queue registered (or refused) the consumer, before any of its deliveries. */
  private void consumeAnswered(ChannelConsumer consumer, Basic.Consume consume, AmqpException e) {
    boolean current = consumers.get(consumer.tag()) == consumer;
    if (e != null) {
      if (current) {
        consumers.remove(consumer.tag());
      }
      if (state == ChannelState.OPEN) {
        host.asyncError(number, e.forMethod(consume.classIndex(), consume.methodIndex()));
      }
    } else if (state != ChannelState.OPEN || !current) {
      consumer.queue().removeConsumer(consumer);
    } else if (!consume.nowait()) {
      reply(new Basic.ConsumeOk(consumer.tag()));
    }
  }

  private void cancel(Basic.Cancel cancel) {
    if (replyConsumer != null && replyConsumer.tag().equals(cancel.consumerTag())) {
      replyConsumer.stop();
      replyConsumer = null;
    }
    ChannelConsumer consumer = consumers.remove(cancel.consumerTag());
    if (consumer != null) {
      consumer.queue().removeConsumer(consumer);
    }
    if (!cancel.nowait()) {
      reply(new Basic.CancelOk(cancel.consumerTag()));
    }
  }

  /** A queue chose {@code consumer} for {@code entry}; we own the entry from here on. */
  void deliver(ChannelConsumer consumer, QueueEntry entry) {
    if (state != ChannelState.OPEN || consumers.get(consumer.tag()) != consumer) {
      // Cancelled or closed while the delivery was on its way: give it back untouched.
      consumer.releaseCredit();
      consumer.queue().bounce(entry);
      return;
    }
    long tag = nextDeliveryTag();
    vhost.queueCounters(consumer.queue()).delivered(1);
    var message = entry.message();
    var body = message.retainedBody();
    if (consumer.isNoAck()) {
      consumer.queue().settled(message);
      message.release();
    } else {
      trackUnacked(tag, new Unacked(entry, consumer.queue(), consumer));
    }
    Basic.Deliver deliver =
        new Basic.Deliver(
            consumer.tag(), tag, entry.redelivered(), message.exchange(), message.routingKey());
    host.write(Command.withContent(number, deliver, message.properties(), body));
  }

  /** The queue was deleted under the consumer: tell the client (consumer_cancel_notify). */
  void cancelledByQueue(ChannelConsumer consumer) {
    if (consumers.remove(consumer.tag(), consumer)
        && state == ChannelState.OPEN
        && host.consumerCancelNotify()) {
      reply(new Basic.Cancel(consumer.tag(), true));
    }
  }

  /** The socket drained: queues may dispatch to this channel's consumers again. */
  public void resumeDeliveries() {
    kickAll();
  }

  private void kickAll() {
    Set<MessageQueue> queues = new LinkedHashSet<>();
    consumers.values().forEach(c -> queues.add(c.queue()));
    queues.forEach(MessageQueue::kick);
  }

  // ---- acknowledgements ----

  /** Applies an ack, nack or reject that a transaction buffered. */
  void applyBuffered(Command command) {
    Method method = command.method();
    if (method instanceof Basic.Ack ack) {
      ack(ack.deliveryTag(), ack.multiple());
    } else if (method instanceof Basic.Reject r) {
      reject(r.deliveryTag(), false, r.requeue());
    } else if (method instanceof Basic.Nack n) {
      reject(n.deliveryTag(), n.multiple(), n.requeue());
    }
  }

  private void ack(long deliveryTag, boolean multiple) {
    java.util.List<Unacked> acked = unacked.take(deliveryTag, multiple);
    vhost.counters().acked(acked.size());
    acked.forEach(delivery -> vhost.queueCounters(delivery.queue()).acked(1));
    host.counters().acknowledged(acked.size());
    settle(acked, false, true);
  }

  private void reject(long deliveryTag, boolean multiple, boolean requeue) {
    settle(unacked.take(deliveryTag, multiple), requeue, false);
  }

  private void recover(boolean requeue) {
    if (!requeue) {
      throw AmqpException.notImplemented("requeue=false");
    }
    settle(unacked.takeAll(), true, false);
  }

  /** Acked or dropped deliveries release their message; requeued ones go back to their queue. */
  private void settle(java.util.List<Unacked> deliveries, boolean requeue, boolean acked) {
    Set<MessageQueue> freed = new LinkedHashSet<>();
    for (Unacked delivery : deliveries) {
      if (delivery.consumer() != null) {
        delivery.consumer().releaseCredit();
        freed.add(delivery.queue());
      }
      if (!requeue && acked) {
        delivery.queue().settled(delivery.entry().message());
        delivery.entry().message().release();
      } else if (!requeue) {
        delivery.queue().rejected(delivery.entry().message()); // dead-lettered if it has a DLX
      }
    }
    if (requeue) {
      UnackedMap.byQueue(deliveries).forEach(MessageQueue::requeue);
    }
    freed.forEach(MessageQueue::kick);
    if (!freed.isEmpty() && channelCredit.isLimited()) {
      kickAll();
    }
  }

  // ---- closing ----

  /**
   * Ends the channel's work: consumers leave their queues, then unacked deliveries go back with
   * redelivered set (after the consumer removal, so they are not handed straight back here).
   */
  public void shutdown() {
    if (state == ChannelState.OPEN) {
      state = ChannelState.CLOSING;
    }
    assembler.reset();
    for (ChannelConsumer consumer : consumers.values()) {
      consumer.queue().removeConsumer(consumer);
    }
    consumers.clear();
    if (replyConsumer != null) {
      replyConsumer.stop();
      replyConsumer = null;
    }
    settle(unacked.takeAll(), true, false);
    consumerTimeout.stop();
    publisher.shutdown();
  }

  private void finishClose() {
    state = ChannelState.CLOSED;
    host.channelClosed(number);
  }

  /** Sends the confirms gathered during the last read, one basic.ack with multiple if it can. */
  public void flushConfirms() {
    publisher.flushConfirms();
  }

  /** Checks the user-id property against the authenticated user, as RabbitMQ does. */
  void checkUserId(BasicProperties properties) {
    if (properties != null
        && properties.userId() != null
        && !properties.userId().equals(host.userName())) {
      throw AmqpException.preconditionFailed(
          "user_id property set to '"
              + properties.userId()
              + "' but authenticated user was '"
              + host.userName()
              + "'");
    }
  }

  /** The exchange a publish goes to (404/403 checks). */
  Exchange publishTarget(String exchange) {
    return vhost.publishTarget(exchange);
  }

  // ---- read by the management API, on the event loop ----

  /** One consumer as the management API lists it. */
  public record ConsumerView(String tag, MessageQueue queue, boolean ackRequired, int prefetch) {}

  /** This channel's consumers. Call on the event loop. */
  public java.util.List<ConsumerView> consumerViews() {
    java.util.List<ConsumerView> out = new java.util.ArrayList<>();
    for (ChannelConsumer consumer : consumers.values()) {
      out.add(
          new ConsumerView(
              consumer.tag(), consumer.queue(), !consumer.isNoAck(), consumer.prefetch()));
    }
    return out;
  }

  /** Deliveries awaiting ack, per queue. Call on the event loop. */
  public Map<MessageQueue, Integer> unackedByQueue() {
    Map<MessageQueue, Integer> out = new LinkedHashMap<>();
    UnackedMap.byQueue(unacked.peekAll())
        .forEach((queue, entries) -> out.put(queue, entries.size()));
    return out;
  }

  /** Deliveries awaiting ack. Call on the event loop. */
  public int unackedCount() {
    return unacked.size();
  }

  /** The prefetch count each new consumer gets (basic.qos global=false). */
  public int prefetchCount() {
    return consumerPrefetch;
  }

  /** Deliveries and get-oks sent on this channel so far. */
  public long deliveredCount() {
    return nextDeliveryTag - 1;
  }
}
