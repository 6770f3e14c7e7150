package io.warrenmq.client;

import io.netty.buffer.Unpooled;
import io.warrenmq.client.internal.Await;
import io.warrenmq.client.internal.ChannelCore;
import io.warrenmq.client.internal.ConsumerEntry;
import io.warrenmq.client.internal.Failure;
import io.warrenmq.client.internal.Reply;
import io.warrenmq.model.Command;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Tx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An AMQP channel with pika's {@code BlockingChannel} API: the exchange and queue calls of {@link
 * ChannelTopology}, the acks and qos of {@link ChannelAcks}, the publisher confirms of {@link
 * ChannelConfirms}, publishing, consuming and transactions. Synchronous calls wait for the broker's
 * reply; a broker error closes the channel and surfaces as {@link ChannelClosedByBroker} with the
 * reply code and text.
 *
 * <p>pika's optional keyword arguments are set in a lambda on an options object: {@code
 * basicConsume("q", callback, o -> o.autoAck(true))}; see the module README.
 *
 * <p>Thread safety: publishing, acking and the synchronous calls may be used from several threads
 * (publishes are serialized by a ReentrantLock, synchronous calls wait in order). Consumer
 * callbacks run on the connection's dispatching thread.
 */
public final class BlockingChannel extends ChannelConfirms {
  private final BlockingConnection connection;
  private final ChannelCore core;
  private final ChannelConsumers consumers;
  private final List<OnReturnCallback> returnCallbacks = new CopyOnWriteArrayList<>();
  private volatile boolean closeReported;

  BlockingChannel(BlockingConnection connection, ChannelCore core) {
    this.connection = connection;
    this.core = core;
    this.consumers = new ChannelConsumers(this, connection.events());
    core.listener(new ChannelEvents(this, connection.events(), consumers, confirms));
    rpc(new Channel.Open());
  }

  /** The channel number. */
  @Override
  public int channelNumber() {
    return core.number();
  }

  /** The connection this channel belongs to. */
  public BlockingConnection connection() {
    return connection;
  }

  /** True until the channel is closed by either side or its connection ends. */
  public boolean isOpen() {
    return core.failure() == null;
  }

  /** True once the channel is closed. */
  public boolean isClosed() {
    return !isOpen();
  }

  /** Publishes {@code body} (UTF-8) without properties. */
  public void basicPublish(String exchange, String routingKey, String body) {
    basicPublish(exchange, routingKey, utf8(body), o -> {});
  }

  /** Publishes {@code body} without properties. */
  public void basicPublish(String exchange, String routingKey, byte[] body) {
    basicPublish(exchange, routingKey, body, o -> {});
  }

  /** Publishes {@code body} (UTF-8) with {@code properties}. */
  public void basicPublish(
      String exchange, String routingKey, String body, BasicProperties properties) {
    basicPublish(exchange, routingKey, utf8(body), o -> o.properties(properties));
  }

  /** Publishes {@code body} with {@code properties}. */
  public void basicPublish(
      String exchange, String routingKey, byte[] body, BasicProperties properties) {
    basicPublish(exchange, routingKey, body, o -> o.properties(properties));
  }

  /** Publishes {@code body} (UTF-8) with properties and/or mandatory set in {@code options}. */
  public void basicPublish(
      String exchange, String routingKey, String body, Consumer<PublishOptions> options) {
    basicPublish(exchange, routingKey, utf8(body), options);
  }

  /**
   * Publishes {@code body}. In confirm mode it waits for the broker's ack and throws {@link
   * UnroutableError} (mandatory and returned) or {@link NackError}, unless confirm mode was turned
   * on with {@code waitForEach(false)}; otherwise it returns once the message is queued for the
   * socket, waiting while the broker blocks the connection. The caller must not change {@code body}
   * afterwards.
   */
  public void basicPublish(
      String exchange, String routingKey, byte[] body, Consumer<PublishOptions> options) {
    PublishOptions o = new PublishOptions();
    options.accept(o);
    Basic.Publish publish = new Basic.Publish(exchange, routingKey, o.mandatory, false);
    publishLock.lock();
    try {
      checkUsable();
      connection.core().awaitPublishable();
      Command command =
          Command.withContent(core.number(), publish, o.properties, Unpooled.wrappedBuffer(body));
      if (!isConfirmMode()) {
        core.send(command);
      } else if (isWaitForEach()) {
        long sequence = confirms.next();
        // About to wait for the ack anyway: write on this thread rather than hand off to the
        // I/O thread, which saves a wake-up per message.
        core.sendDirect(command);
        confirms.await(sequence, new ReturnedMessage(null, o.properties, body));
      } else {
        confirms.next(new ReturnedMessage(null, o.properties, body));
        core.send(command);
      }
    } finally {
      publishLock.unlock();
    }
  }

  /** Starts a consumer with manual acks; returns its tag. */
  public String basicConsume(String queue, OnMessageCallback callback) {
    return basicConsume(queue, callback, o -> {});
  }

  /**
   * Starts a consumer; its callback runs on the thread in {@link #startConsuming()} or {@link
   * BlockingConnection#processDataEvents}.
   *
   * @return the consumer tag
   * @throws DuplicateConsumerTag when the tag is already in use on this channel
   */
  public String basicConsume(
      String queue, OnMessageCallback callback, Consumer<ConsumeOptions> options) {
    ConsumeOptions o = new ConsumeOptions();
    options.accept(o);
    return consume(queue, o, (d, p, b) -> callback.call(this, d, p, b));
  }

  String consume(String queue, ConsumeOptions o, ConsumerEntry.Handler handler) {
    return consumers.start(queue, o, handler);
  }

  /**
   * Cancels a consumer. Messages that reached this client for it but were not yet handed to its
   * callback are not delivered: a manual-ack consumer's are requeued (nacked), an auto-ack
   * consumer's are dropped; {@link #basicCancelWithPending} returns those instead.
   */
  public void basicCancel(String consumerTag) {
    consumers.cancel(consumerTag);
  }

  /**
   * Cancels a consumer like {@link #basicCancel} and, for an auto-ack consumer, returns the
   * messages that reached this client for it but were not yet handed to its callback (they are
   * already acked, so they would otherwise be lost); pika's {@code basic_cancel} return value.
   * Empty for a manual-ack consumer, whose pending messages are requeued.
   */
  public List<Delivery> basicCancelWithPending(String consumerTag) {
    boolean manualAck = consumers.isManualAck(consumerTag);
    List<Delivery> pending = consumers.cancel(consumerTag);
    return manualAck ? List.of() : pending;
  }

  /** Cancels a consumer; returns its undispatched deliveries (requeued ones included). */
  List<Delivery> cancelConsumer(String consumerTag) {
    return consumers.cancel(consumerTag);
  }

  /**
   * Adds a callback run, on the dispatching thread, when the broker cancels one of this channel's
   * consumers (its queue was deleted, say); it receives the consumer tag. pika's {@code
   * add_on_cancel_callback}. The consumer's deliveries that came before the cancel are dispatched
   * first.
   */
  public void addOnCancelCallback(Consumer<String> callback) {
    consumers.addCancelCallback(callback);
  }

  /** True while this channel has consumers. */
  public boolean hasConsumers() {
    return !consumers.isEmpty();
  }

  /**
   * Runs consumer callbacks on this thread until every consumer is cancelled ({@link
   * #stopConsuming()}) or the channel or connection ends, which throws.
   */
  public void startConsuming() {
    checkUsable();
    while (!consumers.isEmpty()) {
      connection.processDataEvents(Double.POSITIVE_INFINITY);
      checkUsable();
    }
  }

  /** Cancels every consumer of this channel, which makes {@link #startConsuming()} return. */
  public void stopConsuming() {
    consumers.cancelAll();
  }

  /** Fetches one message with manual ack; null when the queue is empty (pika's None). */
  public GetResponse basicGet(String queue) {
    return basicGet(queue, o -> {});
  }

  /** Fetches one message; only {@code autoAck} of the options applies. Null when empty. */
  public GetResponse basicGet(String queue, Consumer<ConsumeOptions> options) {
    ConsumeOptions o = new ConsumeOptions();
    options.accept(o);
    Reply reply = rpc(new Basic.Get(queue, o.autoAck));
    if (reply.method() instanceof Basic.GetOk ok) {
      return new GetResponse(ok, reply.properties(), reply.body());
    }
    return null;
  }

  /**
   * Consumes {@code queue} as an iterator, pika's {@code consume()} generator. One per channel at a
   * time; {@link #cancel()} ends it.
   */
  public ConsumeIterator consume(String queue) {
    return consume(queue, o -> {});
  }

  /**
   * Consumes {@code queue} as an iterator; with {@code inactivityTimeout} set, {@code next()}
   * yields null after that many seconds without a message.
   */
  public ConsumeIterator consume(String queue, Consumer<ConsumeOptions> options) {
    ConsumeOptions o = new ConsumeOptions();
    options.accept(o);
    return consumers.iterate(queue, o);
  }

  /**
   * Cancels the {@link #consume} iterator, requeueing messages it buffered but did not yield;
   * returns how many. pika's {@code cancel()}.
   */
  public int cancel() {
    return consumers.cancelIterator();
  }

  /** Puts the channel in transaction mode. */
  public void txSelect() {
    rpc(new Tx.Select());
  }

  /** Commits the current transaction. */
  public void txCommit() {
    rpc(new Tx.Commit());
  }

  /** Rolls the current transaction back. */
  public void txRollback() {
    rpc(new Tx.Rollback());
  }

  /**
   * Adds a callback for returned messages (mandatory and unroutable), outside confirm mode or when
   * publishes do not wait for their confirms ({@code waitForEach(false)}, where {@link
   * #waitForConfirmsOrDie(double)} reports them too); a publish that waits for its confirm throws
   * {@link UnroutableError} instead.
   */
  public void addOnReturnCallback(OnReturnCallback callback) {
    returnCallbacks.add(callback);
  }

  /** Closes the channel (200 Normal shutdown). Does nothing if it is already closed. */
  public void close() {
    if (!isOpen()) {
      return;
    }
    try {
      Await.get(core.rpc(new Channel.Close(200, "Normal shutdown", 0, 0)));
    } catch (AMQPError e) {
      if (isOpen()) {
        throw e;
      }
    } finally {
      consumers.clear();
    }
  }

  @Override
  Reply rpc(Method request) {
    checkUsable();
    try {
      return Await.get(core.rpc(request));
    } catch (ChannelClosedByBroker e) {
      closeReported = true;
      throw e;
    }
  }

  List<OnReturnCallback> returnCallbacks() {
    return returnCallbacks;
  }

  @Override
  void sendAsync(Method method) {
    checkUsable();
    core.send(Command.of(core.number(), method));
  }

  /**
   * Throws when the channel cannot be used: the broker's close once (as {@link
   * ChannelClosedByBroker}), then {@link ChannelWrongStateError}; the connection's error when the
   * connection ended.
   */
  @Override
  void checkUsable() {
    connection.core().checkNotIoThread();
    Failure failure = core.failure();
    if (failure == null) {
      return;
    }
    if (!failure.isChannelLevel()) {
      throw failure.toException();
    }
    if (failure.kind() == Failure.Kind.CHANNEL_CLOSED_BY_BROKER && !closeReported) {
      closeReported = true;
      throw failure.toException();
    }
    throw failure.toWrongState(core.number());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "BlockingChannel[" + core.number() + (isOpen() ? "" : ", closed") + "]";
  }
}
