package io.warrenmq.broker.channel;

import io.warrenmq.broker.access.Permission;
import io.warrenmq.broker.access.UserAccess;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.vhost.DirectReplyTo;
import io.warrenmq.broker.vhost.ExchangeSettings;
import io.warrenmq.broker.vhost.ExchangeType;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Exchange;
import io.warrenmq.model.generated.Queue;

/**
 * A channel's exchange.* and queue.* methods, and basic.get: the requests answered by the vhost
 * model or by a queue's executor. Confined to the channel's event loop; answers from queues come
 * back through {@link BrokerChannel#replyLater}.
 */
final class TopologyMethods {
  private final BrokerChannel channel;
  private final VirtualHost vhost;
  private String lastQueue = "";

  TopologyMethods(BrokerChannel channel) {
    this.channel = channel;
    this.vhost = channel.vhost();
  }

  /**
   * An empty queue name means the queue this channel declared last (spec 1.7.2: "the client MUST
   * either specify a queue name or have previously declared a queue on the same channel").
   */
  String resolveQueue(String queue) {
    if (!queue.isEmpty()) {
      return queue;
    }
    if (lastQueue.isEmpty()) {
      throw AmqpException.notFound("no previously declared queue");
    }
    return lastQueue;
  }

  private MessageQueue queue(String name) {
    return vhost.queue(resolveQueue(name), channel.host().owner());
  }

  void handle(Method method) {
    UserAccess access = channel.host().access();
    if (method instanceof Queue.Declare declare) {
      declareQueue(declare);
    } else if (method instanceof Queue.Bind bind) {
      // RabbitMQ: write on the bound queue, read on the source exchange, before any lookup.
      access.queue(Permission.WRITE, resolveQueue(bind.queue()));
      access.exchange(Permission.READ, bind.exchange());
      topicRead(access, bind.exchange(), bind.routingKey());
      MessageQueue queue = queue(bind.queue());
      vhost.bindQueue(queue, bind.exchange(), bind.routingKey(), bind.arguments());
      if (!bind.nowait()) {
        channel.reply(Queue.BindOk.INSTANCE);
      }
    } else if (method instanceof Queue.Unbind unbind) {
      access.queue(Permission.WRITE, resolveQueue(unbind.queue()));
      access.exchange(Permission.READ, unbind.exchange());
      topicRead(access, unbind.exchange(), unbind.routingKey());
      MessageQueue queue = queue(unbind.queue());
      vhost.unbindQueue(queue, unbind.exchange(), unbind.routingKey(), unbind.arguments());
      channel.reply(Queue.UnbindOk.INSTANCE);
    } else if (method instanceof Queue.Purge purge) {
      access.queue(Permission.READ, resolveQueue(purge.queue()));
      queue(purge.queue())
          .purge(
              count -> {
                if (!purge.nowait()) {
                  channel.replyLater(new Queue.PurgeOk(count));
                }
              });
    } else if (method instanceof Queue.Delete delete) {
      deleteQueue(delete);
    } else if (method instanceof Exchange.Declare declare) {
      declareExchange(declare);
    } else if (method instanceof Exchange.Delete delete) {
      access.exchange(Permission.CONFIGURE, delete.exchange());
      vhost.deleteExchange(delete.exchange(), delete.ifUnused());
      if (!delete.nowait()) {
        channel.reply(Exchange.DeleteOk.INSTANCE);
      }
    } else if (method instanceof Exchange.Bind bind) {
      access.exchange(Permission.WRITE, bind.destination());
      access.exchange(Permission.READ, bind.source());
      topicRead(access, bind.source(), bind.routingKey());
      vhost.bindExchange(bind.destination(), bind.source(), bind.routingKey(), bind.arguments());
      if (!bind.nowait()) {
        channel.reply(Exchange.BindOk.INSTANCE);
      }
    } else if (method instanceof Exchange.Unbind unbind) {
      access.exchange(Permission.WRITE, unbind.destination());
      access.exchange(Permission.READ, unbind.source());
      topicRead(access, unbind.source(), unbind.routingKey());
      vhost.unbindExchange(
          unbind.destination(), unbind.source(), unbind.routingKey(), unbind.arguments());
      if (!unbind.nowait()) {
        channel.reply(Exchange.UnbindOk.INSTANCE);
      }
    } else {
      throw AmqpException.commandInvalid("unimplemented method " + method.methodName());
    }
  }

  /** RabbitMQ also checks topic permissions when the source is an existing topic exchange. */
  private void topicRead(UserAccess access, String exchange, String routingKey) {
    var source = vhost.findExchange(exchange);
    if (source != null && source.settings().type() == ExchangeType.TOPIC) {
      access.topic(Permission.READ, source.name(), routingKey);
    }
  }

  private void declareQueue(Queue.Declare declare) {
    if (declare.queue().equals(DirectReplyTo.QUEUE) || DirectReplyTo.isReplyName(declare.queue())) {
      declareReplyQueue(declare);
      return;
    }
    MessageQueue queue;
    if (declare.passive()) {
      queue = queue(declare.queue());
    } else {
      queue =
          vhost.declareQueue(
              new QueueSettings(
                  declare.queue(),
                  vhost.name(),
                  declare.durable(),
                  declare.exclusive() ? channel.host().owner() : null,
                  declare.autoDelete(),
                  declare.arguments()),
              this::checkDeclareQueue);
    }
    lastQueue = queue.name();
    queue.touch(); // a declare is a use (x-expires)
    if (declare.nowait()) {
      return;
    }
    String name = queue.name();
    queue.stats(
        (messages, consumers) ->
            channel.replyLater(new Queue.DeclareOk(name, messages, consumers)));
  }

  /**
   * The direct reply-to pseudo-queue always "exists", empty; a reply name exists (with its one
   * consumer) while its channel consumes, as RabbitMQ answers.
   */
  private void declareReplyQueue(Queue.Declare declare) {
    String name = declare.queue();
    int consumers = 0;
    if (DirectReplyTo.isReplyName(name)) {
      if (!vhost.directReplyTo().isRegistered(name)) {
        throw AmqpException.notFound("no queue '" + name + "' in vhost '" + vhost.name() + "'");
      }
      consumers = 1;
    }
    if (!declare.nowait()) {
      channel.reply(new Queue.DeclareOk(name, 0, consumers));
    }
  }

  /**
   * RabbitMQ's checks for a queue declare, on the final (possibly server-generated) name: configure
   * on the queue; with a dead-letter exchange also write on it and read on the queue.
   */
  private void checkDeclareQueue(QueueSettings settings) {
    UserAccess access = channel.host().access();
    access.queue(Permission.CONFIGURE, settings.name());
    Object dlx = settings.arguments().get("x-dead-letter-exchange");
    if (dlx != null) {
      access.exchange(Permission.WRITE, dlx.toString());
      access.queue(Permission.READ, settings.name());
    }
  }

  private void deleteQueue(Queue.Delete delete) {
    String name = resolveQueue(delete.queue());
    channel.host().access().queue(Permission.CONFIGURE, name);
    MessageQueue queue = vhost.findQueue(name);
    if (queue == null) {
      // Deleting a queue that does not exist succeeds (RabbitMQ 3.x).
      if (!delete.nowait()) {
        channel.reply(new Queue.DeleteOk(0));
      }
      return;
    }
    vhost.queue(name, channel.host().owner());
    queue.delete(
        delete.ifUnused(),
        delete.ifEmpty(),
        (count, error) -> {
          if (error != null) {
            channel.failLater(error, delete);
            return;
          }
          vhost.queueDeleted(queue);
          if (!delete.nowait()) {
            channel.replyLater(new Queue.DeleteOk(count));
          }
        });
  }

  private void declareExchange(Exchange.Declare declare) {
    if (declare.passive()) {
      vhost.exchange(declare.exchange());
    } else {
      // RabbitMQ: configure on the exchange; with an alternate exchange also write on it and
      // read on the declared one.
      UserAccess access = channel.host().access();
      access.exchange(Permission.CONFIGURE, declare.exchange());
      Object alternate = declare.arguments().get("alternate-exchange");
      if (alternate != null) {
        access.exchange(Permission.WRITE, alternate.toString());
        access.exchange(Permission.READ, declare.exchange());
      }
      vhost.declareExchange(
          new ExchangeSettings(
              declare.exchange(),
              ExchangeType.of(declare.type()),
              declare.durable(),
              declare.autoDelete(),
              declare.internal(),
              declare.arguments()),
          false);
    }
    if (!declare.nowait()) {
      channel.reply(Exchange.DeclareOk.INSTANCE);
    }
  }

  /** basic.get: the queue hands over its head entry, or nothing (get-empty). */
  void get(Basic.Get get) {
    channel.host().access().queue(Permission.READ, resolveQueue(get.queue()));
    MessageQueue queue = queue(get.queue());
    queue.touch();
    queue.get(
        (entry, remaining) ->
            channel
                .eventLoop()
                .execute(
                    () -> {
                      if (channel.state() != ChannelState.OPEN) {
                        if (entry != null) {
                          queue.bounce(entry);
                        }
                        return;
                      }
                      if (entry == null) {
                        channel.reply(Basic.GetEmpty.INSTANCE);
                        return;
                      }
                      long tag = channel.nextDeliveryTag();
                      channel.vhost().queueCounters(queue).delivered(1);
                      var message = entry.message();
                      var body = message.retainedBody();
                      if (get.noAck()) {
                        queue.settled(message);
                        message.release();
                      } else {
                        channel.trackUnacked(tag, new Unacked(entry, queue, null));
                      }
                      Basic.GetOk ok =
                          new Basic.GetOk(
                              tag,
                              entry.redelivered(),
                              message.exchange(),
                              message.routingKey(),
                              remaining);
                      channel
                          .host()
                          .write(
                              Command.withContent(
                                  channel.number(), ok, message.properties(), body));
                    }));
  }
}
