package io.warrenmq.client.internal;

import io.netty.channel.EventLoop;
import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.Frame;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.CommandAssembler;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.ReplyCode;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol state machine of one AMQP channel: assembles inbound commands, keeps one synchronous
 * request in flight (later ones wait in order, spec 2.2.2 / pika {@code _rpc}), matches replies
 * with {@link Method#isAnsweredBy}, and hands asynchronous methods to a {@link ChannelListener}.
 *
 * <p>Confinement: the assembler, the request queue and every state transition belong to the I/O
 * thread; {@link #rpc} and {@link #send} may be called from any thread and hop to it. {@code
 * failure} is volatile so user threads can see that the channel ended.
 */
public final class ChannelCore {
  private static final Logger log = LoggerFactory.getLogger(ChannelCore.class);
  private static final int MAX_BODY = Integer.MAX_VALUE - 16;

  private final int number;
  private final ConnectionCore connection;
  private final EventLoop loop;
  private final CommandAssembler assembler;
  private final ArrayDeque<PendingRpc> rpcs = new ArrayDeque<>();
  private volatile ChannelListener listener;
  private volatile Failure failure;
  private boolean closing;

  private record PendingRpc(Method request, CompletableFuture<Reply> reply) {}

  ChannelCore(int number, ConnectionCore connection, EventLoop loop) {
    this.number = number;
    this.connection = connection;
    this.loop = loop;
    this.assembler = new CommandAssembler(number, MAX_BODY);
  }

  /** The channel number. */
  public int number() {
    return number;
  }

  /** The connection this channel belongs to. */
  public ConnectionCore connection() {
    return connection;
  }

  /** Sets who receives asynchronous methods; set before the channel is opened. */
  public void listener(ChannelListener listener) {
    this.listener = listener;
  }

  /** Why the channel ended, or null while it is open. */
  public Failure failure() {
    return failure;
  }

  /**
   * Sends a synchronous request and returns its reply. Requests wait in order behind the one in
   * flight. Any thread.
   */
  public CompletableFuture<Reply> rpc(Method request) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    Failure ended = failure;
    if (ended != null) {
      reply.completeExceptionally(new FailureException(ended));
      return reply;
    }
    loop.execute(() -> enqueue(new PendingRpc(request, reply)));
    return reply;
  }

  /** Sends an asynchronous method or a content command (takes ownership). Any thread. */
  public void send(Command command) {
    connection.write(command);
  }

  /**
   * Sends a command (takes ownership) from the calling thread straight to the socket when nothing
   * is queued ahead of it; for a publish that will wait for its confirm. Any thread.
   */
  public void sendDirect(Command command) {
    connection.writeDirect(command);
  }

  private void enqueue(PendingRpc rpc) {
    if (failure != null) {
      rpc.reply.completeExceptionally(new FailureException(failure));
      return;
    }
    rpcs.add(rpc);
    if (rpcs.size() == 1) {
      transmit(rpc.request);
    }
  }

  private void transmit(Method request) {
    if (request instanceof Channel.Close) {
      closing = true;
    }
    connection.write(Command.of(number, request));
  }

  /** Handles one inbound frame of this channel; I/O thread. Takes ownership of body frames. */
  void handleFrame(Frame frame) {
    if (failure != null && !closing) {
      io.netty.util.ReferenceCountUtil.release(frame);
      return;
    }
    Command command;
    try {
      command = assembler.accept(frame);
    } catch (AmqpException e) {
      connection.protocolError(e);
      return;
    }
    if (command == null) {
      return;
    }
    try {
      handleCommand(command);
    } finally {
      command.release();
    }
  }

  private void handleCommand(Command command) {
    Method method = command.method();
    if (method instanceof Channel.Close close) {
      connection.write(Command.of(number, new Channel.CloseOk()));
      end(Failure.of(Failure.Kind.CHANNEL_CLOSED_BY_BROKER, close.replyCode(), close.replyText()));
      return;
    }
    if (closing && !(method instanceof Channel.CloseOk)) {
      return; // spec 2.3.5.1: after channel.close, drop everything but close-ok
    }
    PendingRpc head = rpcs.peek();
    if (head != null && head.request.isAnsweredBy(method)) {
      rpcs.poll();
      if (method instanceof Channel.CloseOk) {
        // Record the closed state before waking the caller of close(), so that once close()
        // returns isClosed() is true.
        Reply closeOk = Reply.copyOf(command);
        end(Failure.of(Failure.Kind.CHANNEL_CLOSED_BY_CLIENT, 200, "Normal shutdown"));
        head.reply.complete(closeOk);
        return;
      }
      head.reply.complete(Reply.copyOf(command));
      PendingRpc next = rpcs.peek();
      if (next != null) {
        transmit(next.request);
      }
      return;
    }
    dispatchAsync(command, method);
  }

  private void dispatchAsync(Command command, Method method) {
    ChannelListener target = listener;
    if (method instanceof Basic.Deliver deliver) {
      Reply copy = Reply.copyOf(command);
      target.onDeliver(deliver, copy.properties(), copy.body());
    } else if (method instanceof Basic.Return returned) {
      Reply copy = Reply.copyOf(command);
      target.onReturn(new ReturnedMessage(returned, copy.properties(), copy.body()));
    } else if (method instanceof Basic.Ack ack) {
      target.onConfirm(ack.deliveryTag(), ack.multiple(), true);
    } else if (method instanceof Basic.Nack nack) {
      target.onConfirm(nack.deliveryTag(), nack.multiple(), false);
    } else if (method instanceof Basic.Cancel cancel) {
      if (!cancel.nowait()) {
        connection.write(Command.of(number, new Basic.CancelOk(cancel.consumerTag())));
      }
      target.onBrokerCancel(cancel.consumerTag());
    } else if (method instanceof Channel.Flow flow) {
      connection.write(Command.of(number, new Channel.FlowOk(flow.active())));
    } else {
      connection.protocolError(
          new AmqpException(
              ReplyCode.UNEXPECTED_FRAME,
              "unexpected " + method.methodName() + " on channel " + number,
              method.classIndex(),
              method.methodIndex()));
    }
  }

  /** Ends the channel: fails waiting requests, tells the listener, frees the number. I/O thread. */
  void end(Failure why) {
    if (failure != null && !closing) {
      return;
    }
    boolean first = failure == null;
    failure = why;
    closing = false;
    assembler.reset();
    PendingRpc rpc;
    while ((rpc = rpcs.poll()) != null) {
      rpc.reply.completeExceptionally(new FailureException(why));
    }
    connection.channelEnded(this);
    ChannelListener target = listener;
    if (first && target != null) {
      target.onClosed(why);
    }
    log.debug("channel {} ended: {}", number, why.describe());
  }
}
