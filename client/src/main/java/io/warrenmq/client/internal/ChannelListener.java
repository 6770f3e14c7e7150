package io.warrenmq.client.internal;

import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;

/**
 * The asynchronous methods a {@link ChannelCore} receives that answer no request of ours. Called on
 * the I/O thread: implementations queue work for the user's thread and never run user code or
 * block.
 */
public interface ChannelListener {
  /** A basic.deliver with its content. */
  void onDeliver(Basic.Deliver deliver, BasicProperties properties, byte[] body);

  /** A basic.return with its content. */
  void onReturn(ReturnedMessage message);

  /** A publisher confirm: basic.ack ({@code ack} true) or basic.nack. */
  void onConfirm(long deliveryTag, boolean multiple, boolean ack);

  /** The broker cancelled a consumer (queue deleted, node down...). */
  void onBrokerCancel(String consumerTag);

  /** The channel ended: closed by either side or its connection went. Called once. */
  void onClosed(Failure failure);
}
