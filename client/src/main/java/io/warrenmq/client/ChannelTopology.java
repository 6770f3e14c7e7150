package io.warrenmq.client;

import io.warrenmq.client.internal.Reply;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Exchange;
import io.warrenmq.model.generated.Queue;
import java.util.function.Consumer;

/**
 * The exchange and queue calls of {@link BlockingChannel}: declare, delete, bind, unbind, purge.
 * Each waits for the broker's reply; a refusal closes the channel and throws {@link
 * ChannelClosedByBroker} (404 NOT_FOUND, 405 RESOURCE_LOCKED, 406 PRECONDITION_FAILED...).
 */
public abstract class ChannelTopology {
  ChannelTopology() {}

  abstract Reply rpc(Method request);

  /** Declares a direct exchange. */
  public void exchangeDeclare(String exchange) {
    exchangeDeclare(exchange, "direct", o -> {});
  }

  /** Declares an exchange of {@code type} (direct, fanout, topic, headers...). */
  public void exchangeDeclare(String exchange, String type) {
    exchangeDeclare(exchange, type, o -> {});
  }

  /** Declares an exchange with pika's optional arguments set in {@code options}. */
  public void exchangeDeclare(
      String exchange, String type, Consumer<ExchangeDeclareOptions> options) {
    ExchangeDeclareOptions o = new ExchangeDeclareOptions();
    options.accept(o);
    rpc(
        new Exchange.Declare(
            exchange, type, o.passive, o.durable, o.autoDelete, o.internal, false, o.arguments));
  }

  /** Deletes an exchange. */
  public void exchangeDelete(String exchange) {
    exchangeDelete(exchange, o -> {});
  }

  /** Deletes an exchange; {@code ifUnused} only when it has no bindings. */
  public void exchangeDelete(String exchange, Consumer<DeleteOptions> options) {
    DeleteOptions o = new DeleteOptions();
    options.accept(o);
    if (o.ifEmpty) {
      throw new IllegalArgumentException("ifEmpty applies to queues, not exchanges");
    }
    rpc(new Exchange.Delete(exchange, o.ifUnused, false));
  }

  /** Binds exchange {@code destination} to {@code source} with an empty routing key. */
  public void exchangeBind(String destination, String source) {
    exchangeBind(destination, source, "", o -> {});
  }

  /** Binds exchange {@code destination} to {@code source}. */
  public void exchangeBind(String destination, String source, String routingKey) {
    exchangeBind(destination, source, routingKey, o -> {});
  }

  /** Binds exchange {@code destination} to {@code source} with binding arguments. */
  public void exchangeBind(
      String destination, String source, String routingKey, Consumer<BindOptions> options) {
    BindOptions o = new BindOptions();
    options.accept(o);
    rpc(new Exchange.Bind(destination, source, routingKey, false, o.arguments));
  }

  /** Removes an exchange-to-exchange binding with an empty routing key. */
  public void exchangeUnbind(String destination, String source) {
    exchangeUnbind(destination, source, "", o -> {});
  }

  /** Removes an exchange-to-exchange binding. */
  public void exchangeUnbind(String destination, String source, String routingKey) {
    exchangeUnbind(destination, source, routingKey, o -> {});
  }

  /** Removes an exchange-to-exchange binding that had arguments. */
  public void exchangeUnbind(
      String destination, String source, String routingKey, Consumer<BindOptions> options) {
    BindOptions o = new BindOptions();
    options.accept(o);
    rpc(new Exchange.Unbind(destination, source, routingKey, false, o.arguments));
  }

  /** Declares a queue; {@code ""} asks the broker to name it ({@code result.method().queue()}). */
  public QueueDeclareResult queueDeclare(String queue) {
    return queueDeclare(queue, o -> {});
  }

  /** Declares a queue with pika's optional arguments set in {@code options}. */
  public QueueDeclareResult queueDeclare(String queue, Consumer<QueueDeclareOptions> options) {
    QueueDeclareOptions o = new QueueDeclareOptions();
    options.accept(o);
    Reply reply =
        rpc(
            new Queue.Declare(
                queue, o.passive, o.durable, o.exclusive, o.autoDelete, false, o.arguments));
    return new QueueDeclareResult((Queue.DeclareOk) reply.method());
  }

  /** Binds {@code queue} to {@code exchange}, with the queue name as routing key (as pika). */
  public void queueBind(String queue, String exchange) {
    queueBind(queue, exchange, queue, o -> {});
  }

  /** Binds {@code queue} to {@code exchange} with {@code routingKey}. */
  public void queueBind(String queue, String exchange, String routingKey) {
    queueBind(queue, exchange, routingKey, o -> {});
  }

  /** Binds {@code queue} to {@code exchange} with binding arguments. */
  public void queueBind(
      String queue, String exchange, String routingKey, Consumer<BindOptions> options) {
    BindOptions o = new BindOptions();
    options.accept(o);
    rpc(new Queue.Bind(queue, exchange, routingKey, false, o.arguments));
  }

  /** Removes the binding made by {@link #queueBind(String, String)}. */
  public void queueUnbind(String queue, String exchange) {
    queueUnbind(queue, exchange, queue, o -> {});
  }

  /** Removes a queue binding. */
  public void queueUnbind(String queue, String exchange, String routingKey) {
    queueUnbind(queue, exchange, routingKey, o -> {});
  }

  /** Removes a queue binding that had arguments. */
  public void queueUnbind(
      String queue, String exchange, String routingKey, Consumer<BindOptions> options) {
    BindOptions o = new BindOptions();
    options.accept(o);
    rpc(new Queue.Unbind(queue, exchange, routingKey, o.arguments));
  }

  /** Removes every ready message from {@code queue}; returns how many. */
  public long queuePurge(String queue) {
    return ((Queue.PurgeOk) rpc(new Queue.Purge(queue, false)).method()).messageCount();
  }

  /** Deletes {@code queue}; returns how many messages it held. */
  public long queueDelete(String queue) {
    return queueDelete(queue, o -> {});
  }

  /** Deletes {@code queue}, only if unused and/or empty when asked; returns its message count. */
  public long queueDelete(String queue, Consumer<DeleteOptions> options) {
    DeleteOptions o = new DeleteOptions();
    options.accept(o);
    return ((Queue.DeleteOk) rpc(new Queue.Delete(queue, o.ifUnused, o.ifEmpty, false)).method())
        .messageCount();
  }
}
