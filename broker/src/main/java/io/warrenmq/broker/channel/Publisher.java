package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.Exchange;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Confirm;
import io.warrenmq.model.generated.ReplyCode;
import io.warrenmq.model.generated.Tx;
import java.util.List;
import java.util.Set;

/**
 * The publishing side of a channel: basic.publish routing, mandatory returns, publisher confirms
 * and transactions. Confined to the channel's event loop.
 *
 * <p>Ownership (STYLE §7): the inbound command owns the body; routing gives each queue its own
 * reference through one shared {@link Message}, so a message routed to N queues is stored once.
 */
final class Publisher {
  private final BrokerChannel channel;
  private boolean confirmMode;
  private long publishSeq;
  private long confirmedSeq;
  private TxBuffer tx;

  Publisher(BrokerChannel channel) {
    this.channel = channel;
  }

  void publish(Basic.Publish publish, Command command) {
    if (publish.immediate()) {
      throw AmqpException.notImplemented("immediate=true");
    }
    Exchange exchange = channel.publishTarget(publish.exchange());
    channel.checkUserId(command.properties());
    if (tx != null) {
      tx.add(command);
      return;
    }
    route(exchange, publish, command);
  }

  private void route(Exchange exchange, Basic.Publish publish, Command command) {
    var properties = command.properties();
    Set<MessageQueue> queues =
        channel.vhost().route(exchange, publish.routingKey(), properties.headers());
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
    } else {
      Message message =
          new Message(
              publish.exchange(), publish.routingKey(), properties, command.body().retain());
      for (MessageQueue queue : queues) {
        queue.enqueue(message.retain());
      }
      message.release();
    }
    if (confirmMode) {
      // For transient messages a confirm means routed and handed to the queues (issue 3).
      publishSeq++;
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
      commit();
      channel.reply(Tx.CommitOk.INSTANCE);
    } else if (method instanceof Tx.Rollback) {
      requireTx().clear();
      channel.reply(Tx.RollbackOk.INSTANCE);
    } else {
      throw AmqpException.commandInvalid("unimplemented method " + method.methodName());
    }
  }

  private void commit() {
    List<Command> work = requireTx().drain();
    TxBuffer open = tx;
    tx = null;
    try {
      for (Command command : work) {
        Method method = command.method();
        if (method instanceof Basic.Publish publish) {
          route(channel.publishTarget(publish.exchange()), publish, command);
        } else {
          channel.applyBuffered(command);
        }
      }
    } finally {
      tx = open;
      work.forEach(Command::release);
    }
  }

  private TxBuffer requireTx() {
    if (tx == null) {
      throw AmqpException.preconditionFailed("channel is not transactional");
    }
    return tx;
  }

  /** Sends one basic.ack for everything published since the last flush. */
  void flushConfirms() {
    if (confirmedSeq < publishSeq) {
      boolean multiple = publishSeq - confirmedSeq > 1;
      channel.reply(new Basic.Ack(publishSeq, multiple));
      confirmedSeq = publishSeq;
    }
  }

  void shutdown() {
    if (tx != null) {
      tx.clear();
    }
  }
}
