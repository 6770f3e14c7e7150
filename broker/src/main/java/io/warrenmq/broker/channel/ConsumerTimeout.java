package io.warrenmq.broker.channel;

import io.warrenmq.model.AmqpException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * RabbitMQ's {@code consumer_timeout}: a delivery left unacknowledged longer than the timeout
 * closes its channel with 406 PRECONDITION_FAILED. One scheduled check per channel, set for when
 * its oldest delivery would time out, never a task per delivery. RabbitMQ 3.10's default, 30
 * minutes, unless {@code -Dwarrenmq.consumer_timeout=MS} (read when a channel opens; 0 turns the
 * check off). Confined to the channel's event loop.
 */
final class ConsumerTimeout {
  /** RabbitMQ 3.10's default consumer_timeout. */
  static final long DEFAULT_MS = 30 * 60 * 1000L;

  private final BrokerChannel channel;
  private final long timeoutMs;
  private ScheduledFuture<?> check;

  ConsumerTimeout(BrokerChannel channel) {
    this.channel = channel;
    this.timeoutMs = Long.getLong("warrenmq.consumer_timeout", DEFAULT_MS);
  }

  /** A delivery that needs an ack went out: make sure a check is pending. */
  void delivered() {
    if (check == null && timeoutMs > 0) {
      schedule(timeoutMs);
    }
  }

  private void schedule(long delayMs) {
    check = channel.eventLoop().schedule(this::run, delayMs, TimeUnit.MILLISECONDS);
  }

  private void run() {
    check = null;
    if (channel.state() != ChannelState.OPEN) {
      return;
    }
    Unacked oldest = channel.oldestUnacked();
    if (oldest == null) {
      return;
    }
    long ageMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldest.deliveredAt());
    if (ageMs < timeoutMs) {
      schedule(timeoutMs - ageMs);
      return;
    }
    channel
        .host()
        .asyncError(
            channel.number(),
            AmqpException.preconditionFailed(
                "delivery acknowledgement on channel "
                    + channel.number()
                    + " timed out. Timeout value used: "
                    + timeoutMs
                    + " ms. This timeout value can be configured, see consumers doc guide to"
                    + " learn more"));
  }

  /** The channel closed. */
  void stop() {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }
}
