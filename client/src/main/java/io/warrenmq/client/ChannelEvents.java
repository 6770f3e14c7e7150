package io.warrenmq.client;

import io.warrenmq.client.internal.ChannelListener;
import io.warrenmq.client.internal.ConfirmTracker;
import io.warrenmq.client.internal.ConsumerEntry;
import io.warrenmq.client.internal.EventQueue;
import io.warrenmq.client.internal.Failure;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a channel's asynchronous methods into work for the dispatching thread. Runs on the I/O
 * thread, so it only queues events and updates the confirm tracker; user callbacks run later, from
 * the {@link EventQueue}.
 */
final class ChannelEvents implements ChannelListener {
  private static final Logger log = LoggerFactory.getLogger(ChannelEvents.class);

  private final BlockingChannel channel;
  private final EventQueue events;
  private final ChannelConsumers consumers;
  private final ConfirmTracker confirms;

  ChannelEvents(
      BlockingChannel channel,
      EventQueue events,
      ChannelConsumers consumers,
      ConfirmTracker confirms) {
    this.channel = channel;
    this.events = events;
    this.consumers = consumers;
    this.confirms = confirms;
  }

  @Override
  public void onDeliver(Basic.Deliver deliver, BasicProperties properties, byte[] body) {
    ConsumerEntry entry = consumers.get(deliver.consumerTag());
    if (entry == null) {
      log.warn("delivery for unknown consumer {} dropped", deliver.consumerTag());
      return;
    }
    BasicProperties props = properties == null ? BasicProperties.EMPTY : properties;
    entry.pending().add(new Delivery(deliver, props, body));
    events.post(() -> dispatch(entry));
  }

  /** Runs the consumer's oldest pending delivery; on the dispatching thread. */
  private void dispatch(ConsumerEntry entry) {
    if (entry.isCancelled()) {
      // Cancelled by the client before the user saw it: basicCancel takes what is pending and
      // returns it (auto-ack) or requeues it (manual ack), as pika's basic_cancel does.
      return;
    }
    Delivery delivery = entry.pending().poll();
    if (delivery == null) {
      return;
    }
    if (!channel.isOpen() && !entry.autoAck()) {
      return; // the broker requeued it when the channel closed; it can no longer be acked
    }
    try {
      entry.handler().handle(delivery.method(), delivery.properties(), delivery.body());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AMQPError("consumer callback failed: " + e, e);
    }
  }

  @Override
  public void onReturn(ReturnedMessage message) {
    if (channel.isConfirmMode()) {
      confirms.onReturn(message); // for the waiting publish or waitForConfirmsOrDie
      if (channel.isWaitForEach() || channel.returnCallbacks().isEmpty()) {
        return;
      }
    }
    if (channel.returnCallbacks().isEmpty()) {
      log.warn(
          "message returned ({} {}) with no return callback registered",
          message.method().replyCode(),
          message.method().replyText());
      return;
    }
    events.post(
        () -> {
          for (OnReturnCallback callback : channel.returnCallbacks()) {
            try {
              callback.call(channel, message.method(), message.properties(), message.body());
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new AMQPError("return callback failed: " + e, e);
            }
          }
        });
  }

  @Override
  public void onConfirm(long deliveryTag, boolean multiple, boolean ack) {
    confirms.onConfirm(deliveryTag, multiple, ack);
    if (channel.confirmCallbacks().isEmpty()) {
      return;
    }
    events.post(
        () -> {
          for (OnConfirmCallback callback : channel.confirmCallbacks()) {
            try {
              callback.call(deliveryTag, multiple, ack);
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new AMQPError("confirm callback failed: " + e, e);
            }
          }
        });
  }

  @Override
  public void onBrokerCancel(String consumerTag) {
    log.info("broker cancelled consumer {}", consumerTag);
    consumers.onBrokerCancel(consumerTag);
  }

  @Override
  public void onClosed(Failure failure) {
    confirms.onClosed(failure);
    events.wakeUp();
  }
}
