package io.warrenmq.client;

import io.warrenmq.client.internal.Reply;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Basic;
import java.util.function.Consumer;

/**
 * The acknowledgement and flow calls of {@link BlockingChannel}: basic.qos, basic.ack, basic.nack,
 * basic.reject and basic.recover. Acks, nacks and rejects are asynchronous (nothing to wait for)
 * and safe from any thread; qos and recover wait for the broker's reply.
 */
public abstract class ChannelAcks extends ChannelTopology {
  ChannelAcks() {}

  abstract void sendAsync(Method method);

  @Override
  abstract Reply rpc(Method request);

  /** Limits unacknowledged deliveries to {@code prefetchCount}; pika's {@code prefetch_count=}. */
  public void basicQos(int prefetchCount) {
    basicQos(o -> o.prefetchCount(prefetchCount));
  }

  /** Sets prefetch count, size and scope. */
  public void basicQos(Consumer<QosOptions> options) {
    QosOptions o = new QosOptions();
    options.accept(o);
    rpc(new Basic.Qos(o.prefetchSize, o.prefetchCount, o.global));
  }

  /** Acknowledges one delivery. */
  public void basicAck(long deliveryTag) {
    basicAck(deliveryTag, o -> {});
  }

  /** Acknowledges a delivery, or all up to it with {@code multiple}. */
  public void basicAck(long deliveryTag, Consumer<AckOptions> options) {
    AckOptions o = new AckOptions();
    options.accept(o);
    sendAsync(new Basic.Ack(deliveryTag, o.multiple));
  }

  /** Rejects one delivery and requeues it. */
  public void basicNack(long deliveryTag) {
    basicNack(deliveryTag, o -> {});
  }

  /** Rejects a delivery (or all up to it with {@code multiple}); requeues unless told not to. */
  public void basicNack(long deliveryTag, Consumer<AckOptions> options) {
    AckOptions o = new AckOptions();
    options.accept(o);
    sendAsync(new Basic.Nack(deliveryTag, o.multiple, o.requeue == null || o.requeue));
  }

  /** Rejects one delivery and requeues it. */
  public void basicReject(long deliveryTag) {
    basicReject(deliveryTag, o -> {});
  }

  /** Rejects one delivery; requeues unless {@code requeue(false)}. */
  public void basicReject(long deliveryTag, Consumer<AckOptions> options) {
    AckOptions o = new AckOptions();
    options.accept(o);
    sendAsync(new Basic.Reject(deliveryTag, o.requeue == null || o.requeue));
  }

  /** Redelivers unacknowledged messages to this channel's consumers (requeue=false, as pika). */
  public void basicRecover() {
    basicRecover(o -> {});
  }

  /** Redelivers unacknowledged messages; with {@code requeue(true)} possibly to others. */
  public void basicRecover(Consumer<AckOptions> options) {
    AckOptions o = new AckOptions();
    options.accept(o);
    rpc(new Basic.Recover(o.requeue != null && o.requeue));
  }
}
