package io.warrenmq.broker.channel;

import io.netty.buffer.ByteBuf;
import io.warrenmq.broker.access.Permission;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.MessageTtl;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.vhost.DirectReplyTo;
import io.warrenmq.broker.vhost.Exchange;
import io.warrenmq.broker.vhost.ExchangeType;
import io.warrenmq.broker.vhost.RoutedQueues;
import io.warrenmq.broker.vhost.SenderSelected;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Confirm;
import io.warrenmq.model.generated.ReplyCode;
import io.warrenmq.model.generated.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing side of a channel: basic.publish routing, mandatory returns, publisher confirms
 * and transactions. Confined to the channel's event loop.
 *
 * <p>Ownership (STYLE §7): the inbound command owns the body; routing gives each queue its own
 * reference through one shared {@link Message}, so a message routed to N queues is stored once.
 *
 * <p>Durability: a persistent message (delivery mode 2) routed to durable queues is appended to the
 * message store once, for all of them, before it is enqueued; its confirm (and a tx.commit-ok)
 * waits for the store's fsync, which completes on the store thread and hops back here.
 */
final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  private final BrokerChannel channel;
  private final Confirms confirms = new Confirms();
  // Reused by every publish: routing runs on this channel's event loop, one message at a time.
  private final RoutedQueues routed = new RoutedQueues();
  private boolean confirmMode;
  private TxBuffer tx;

  Publisher(BrokerChannel channel) {
    this.channel = channel;
  }

  void publish(Basic.Publish publish, Command command) {
    if (publish.immediate()) {
      throw AmqpException.notImplemented("immediate=true");
    }
    channel.host().access().exchange(Permission.WRITE, publish.exchange());
    Exchange exchange = channel.publishTarget(publish.exchange());
    if (exchange.settings().type() == ExchangeType.TOPIC) {
      channel.host().access().topic(Permission.WRITE, exchange.name(), publish.routingKey());
    }
    channel.checkUserId(command.properties());
    MessageTtl.checkExpiration(command.properties());
    // An invalid CC/BCC header fails the publish itself, in a transaction too (RabbitMQ).
    SenderSelected.routingKeys(publish.routingKey(), command.properties());
    if (asksForDirectReply(command.properties()) && channel.replyConsumer() == null) {
      throw AmqpException.preconditionFailed("fast reply consumer does not exist");
    }
    if (tx != null) {
      tx.add(command);
      return;
    }
    route(exchange, publish, command);
  }

  /** Routes a publish; returns the store's completion when it was stored, else null. */
  private CompletionStage<Void> route(Exchange exchange, Basic.Publish publish, Command command) {
    List<String> routingKeys =
        SenderSelected.routingKeys(publish.routingKey(), command.properties());
    var properties = withDirectReplyName(SenderSelected.withoutBcc(command.properties()));
    if (exchange.name().isEmpty()) {
      deliverReplies(publish, routingKeys, properties, command);
    }
    RoutedQueues queues = routed;
    channel
        .vhost()
        .route(exchange, routingKeys, properties == null ? null : properties.headers(), queues);
    if (queues.isEmpty()) {
      if (publish.mandatory()) {
        Basic.Return returned =
            new Basic.Return(
                ReplyCode.NO_ROUTE.code(), "NO_ROUTE", publish.exchange(), publish.routingKey());
        channel
            .host()
            .write(
                Command.withContent(
                    channel.number(), returned, properties, command.body().retainedDuplicate()));
      }
    }
    CompletionStage<Void> stored = null;
    List<CompletableFuture<Boolean>> offers = null;
    if (!queues.isEmpty()) {
      List<String> durable = durableTargets(queues, properties);
      Message message =
          new Message(
              publish.exchange(),
              publish.routingKey(),
              properties,
              command.body().retain(),
              durable.isEmpty() ? null : new StoreRef());
      if (!durable.isEmpty()) {
        // Appended before any queue sees it, so an ack's removal always follows the append.
        stored = channel.vhost().messageStore().append(channel.vhost().name(), durable, message);
      }
      for (int i = 0; i < queues.size(); i++) {
        MessageQueue queue = queues.get(i);
        if (queue.mayRefuse()) {
          // x-overflow reject-publish: the queue's answer decides between ack and nack.
          offers = offers == null ? new ArrayList<>(1) : offers;
          offers.add(queue.offer(message.retain()));
        } else {
          queue.enqueue(message.retain());
        }
        if (queue.isOverloaded()) {
          channel.host().routedToOverloaded(queue); // publisher credit: pause reading
        }
        channel.vhost().queueCounters(queue).published(1);
      }
      message.release();
    }
    if (confirmMode) {
      // A transient message is confirmed once routed; a stored one once fsynced.
      long seq = confirms.next();
      if (stored != null || offers != null) {
        confirms.awaitDurable(seq);
        confirmWhenSettled(seq, stored, offers);
      }
    }
    return stored;
  }

  private static boolean asksForDirectReply(BasicProperties properties) {
    return properties != null && DirectReplyTo.QUEUE.equals(properties.replyTo());
  }

  /** reply_to=amq.rabbitmq.reply-to becomes this channel's own reply name (RabbitMQ). */
  private BasicProperties withDirectReplyName(BasicProperties properties) {
    ReplyConsumer replies = channel.replyConsumer();
    if (!asksForDirectReply(properties) || replies == null) {
      return properties;
    }
    return properties.toBuilder().replyTo(replies.name()).build();
  }

  /**
   * Keys naming a direct reply-to consumer go straight to its channel. As in RabbitMQ they do not
   * count as routed (a mandatory reply is also returned) and unknown names are dropped silently.
   */
  private void deliverReplies(
      Basic.Publish publish,
      List<String> routingKeys,
      BasicProperties properties,
      Command command) {
    for (String key : routingKeys) {
      if (DirectReplyTo.isReplyName(key)) {
        ByteBuf body = command.body().retainedDuplicate();
        if (!channel
            .vhost()
            .directReplyTo()
            .deliver(key, publish.exchange(), publish.routingKey(), properties, body)) {
          body.release();
        }
      }
    }
  }

  private static List<String> durableTargets(
      List<MessageQueue> queues, BasicProperties properties) {
    if (properties == null || properties.deliveryMode() == null || properties.deliveryMode() != 2) {
      return List.of();
    }
    List<String> durable = null;
    for (int i = 0; i < queues.size(); i++) {
      MessageQueue queue = queues.get(i);
      if (queue.isPersistent()) {
        if (durable == null) {
          durable = new ArrayList<>(queues.size());
        }
        durable.add(queue.name());
      }
    }
    return durable == null ? List.of() : durable;
  }

  /** Confirms {@code seq} once stored and accepted by every queue; nacks it otherwise. */
  private void confirmWhenSettled(
      long seq, CompletionStage<Void> stored, List<CompletableFuture<Boolean>> offers) {
    if (offers == null) {
      // The common case (a persistent message, no reject-publish queue): no allOf per message.
      stored.whenComplete(
          (ok, error) -> {
            if (confirms.settledLater(seq, error != null)) {
              channel.eventLoop().execute(this::stored);
            }
          });
      return;
    }
    List<CompletableFuture<?>> all = new ArrayList<>(offers);
    if (stored != null) {
      all.add(stored.toCompletableFuture());
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .whenComplete(
            (ok, error) -> {
              boolean refused = offers.stream().anyMatch(o -> !o.getNow(true));
              if (confirms.settledLater(seq, error != null || refused)) {
                channel.eventLoop().execute(this::stored);
              }
            });
  }

  /**
   * On the event loop: the store and the queues finished with the messages {@link
   * Confirms#settledLater} collected, usually a whole group commit's; one basic.ack covers them. A
   * failed one is nacked: the store logs a failure (once) and keeps serving, or a full queue
   * refused it.
   */
  private void stored() {
    confirms.drainSettled();
    if (channel.state() == ChannelState.OPEN) {
      flushConfirms();
    }
  }

  /** An ack, nack or reject: applied now, or buffered in a transaction. */
  void settleOrBuffer(Command command, Runnable settle) {
    if (tx != null) {
      tx.add(command);
    } else {
      settle.run();
    }
  }

  void handle(Method method) {
    if (method instanceof Confirm.Select select) {
      if (tx != null) {
        throw AmqpException.preconditionFailed("cannot switch from tx to confirm mode");
      }
      confirmMode = true;
      if (!select.nowait()) {
        channel.reply(Confirm.SelectOk.INSTANCE);
      }
    } else if (method instanceof Tx.Select) {
      if (confirmMode) {
        throw AmqpException.preconditionFailed("cannot switch from confirm to tx mode");
      }
      if (tx == null) {
        tx = new TxBuffer();
      }
      channel.reply(Tx.SelectOk.INSTANCE);
    } else if (method instanceof Tx.Commit) {
      List<CompletableFuture<Void>> stored = commit();
      if (stored.isEmpty()) {
        channel.reply(Tx.CommitOk.INSTANCE);
      } else {
        // commit-ok only once the transaction's persistent messages are fsynced.
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new))
            .whenComplete(
                (ok, error) -> {
                  if (error == null) {
                    channel.replyLater(Tx.CommitOk.INSTANCE);
                  } else {
                    LOG.error("storing a transaction failed", error);
                    channel.failLater(AmqpException.internalError("message store failed"), method);
                  }
                });
      }
    } else if (method instanceof Tx.Rollback) {
      requireTx().clear();
      channel.reply(Tx.RollbackOk.INSTANCE);
    } else {
      throw AmqpException.commandInvalid("unimplemented method " + method.methodName());
    }
  }

  private List<CompletableFuture<Void>> commit() {
    List<Command> work = requireTx().drain();
    TxBuffer open = tx;
    tx = null;
    List<CompletableFuture<Void>> stored = new ArrayList<>();
    try {
      for (Command command : work) {
        Method method = command.method();
        if (method instanceof Basic.Publish publish) {
          CompletionStage<Void> done =
              route(channel.publishTarget(publish.exchange()), publish, command);
          if (done != null) {
            stored.add(done.toCompletableFuture());
          }
        } else {
          channel.applyBuffered(command);
        }
      }
    } finally {
      tx = open;
      work.forEach(Command::release);
    }
    return stored;
  }

  private TxBuffer requireTx() {
    if (tx == null) {
      throw AmqpException.preconditionFailed("channel is not transactional");
    }
    return tx;
  }

  /** Sends one basic.ack for everything published since the last flush. */
  void flushConfirms() {
    for (Method confirm : confirms.flush()) {
      channel.reply(confirm);
    }
  }

  void shutdown() {
    if (tx != null) {
      tx.clear();
    }
  }
}
