package io.warrenmq.broker.channel;

import io.netty.channel.EventLoop;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
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
import java.util.List;
import java.util.Map;

/**
 * One AMQP channel on the broker: assembles commands from frames and carries out its methods (spec
 * classes channel, exchange, queue, basic, confirm, tx).
 *
 * <p>The methods themselves live with their concern: {@link ConsumerTable} (qos, consume, cancel,
 * deliveries), {@link Acknowledgements} (ack, nack, reject, recover, consumer timeout), {@link
 * Publisher} (publish, confirms, tx) and {@link TopologyMethods} (exchange, queue, basic.get). This
 * class assembles commands, routes each to its concern, owns the channel's state and delivery tags
 * and closes the channel.
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
  private final ConsumerTable consumers;
  private final Acknowledgements acknowledgements;
  private final TopologyMethods topology;
  private final Publisher publisher;
  private volatile ChannelState state = ChannelState.OPEN;
  private long nextDeliveryTag = 1;

  /** Creates an open channel (channel.open-ok is the caller's to send). */
  public BrokerChannel(int number, ChannelHost host) {
    this.number = number;
    this.host = host;
    this.vhost = host.vhost();
    this.assembler = new CommandAssembler(number, host.maxMessageSize());
    this.consumers = new ConsumerTable(this);
    this.acknowledgements = new Acknowledgements(this, consumers);
    this.topology = new TopologyMethods(this);
    this.publisher = new Publisher(this);
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
    return consumers.channelCredit();
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
    } else if (method instanceof Basic.Ack
        || method instanceof Basic.Reject
        || method instanceof Basic.Nack) {
      publisher.settleOrBuffer(command, () -> acknowledgements.apply(command));
    } else if (method instanceof Basic.Consume consume) {
      consumers.consume(consume, topology.resolveQueue(consume.queue()));
    } else if (method instanceof Basic.Cancel cancel) {
      consumers.cancel(cancel);
    } else if (method instanceof Basic.Get get) {
      topology.get(get);
    } else if (method instanceof Basic.Qos qos) {
      consumers.qos(qos);
    } else if (method instanceof Basic.Recover recover) {
      acknowledgements.recover(recover.requeue());
      reply(Basic.RecoverOk.INSTANCE);
    } else if (method instanceof Basic.RecoverAsync recover) {
      acknowledgements.recover(recover.requeue());
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

  // ---- for the channel's parts (consumers, basic.get, publisher, timeout), delegated ----

  /** A delivery that needs an ack went out (a consumer's or basic.get's). */
  void trackUnacked(long tag, Unacked delivery) {
    acknowledgements.track(tag, delivery);
  }

  /** The oldest delivery awaiting its ack, or null (consumer timeout). */
  Unacked oldestUnacked() {
    return acknowledgements.oldest();
  }

  /** The channel's direct reply-to consumer, or null. */
  ReplyConsumer replyConsumer() {
    return consumers.replyConsumer();
  }

  /** A queue chose {@code consumer} for {@code entry}; we own the entry from here on. */
  void deliver(ChannelConsumer consumer, QueueEntry entry) {
    consumers.deliver(consumer, entry);
  }

  /** The queue was deleted under the consumer: tell the client (consumer_cancel_notify). */
  void cancelledByQueue(ChannelConsumer consumer) {
    consumers.cancelledByQueue(consumer);
  }

  /** The socket drained: queues may dispatch to this channel's consumers again. */
  public void resumeDeliveries() {
    consumers.kickAll();
  }

  /** Applies an ack, nack or reject that a transaction buffered. */
  void applyBuffered(Command command) {
    acknowledgements.apply(command);
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
    consumers.removeAll();
    acknowledgements.shutdown();
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
  public List<ConsumerView> consumerViews() {
    return consumers.views();
  }

  /** Deliveries awaiting ack, per queue. Call on the event loop. */
  public Map<MessageQueue, Integer> unackedByQueue() {
    return acknowledgements.countByQueue();
  }

  /** Deliveries awaiting ack. Call on the event loop. */
  public int unackedCount() {
    return acknowledgements.size();
  }

  /** The prefetch count each new consumer gets (basic.qos global=false). */
  public int prefetchCount() {
    return consumers.prefetchCount();
  }

  /** Deliveries and get-oks sent on this channel so far. */
  public long deliveredCount() {
    return nextDeliveryTag - 1;
  }
}
