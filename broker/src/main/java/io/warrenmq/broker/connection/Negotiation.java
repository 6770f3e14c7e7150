package io.warrenmq.broker.connection;

import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.Connection;

/**
 * Settles connection.tune-ok against what the broker offered (spec 1.4.2.6): the client may lower
 * channel_max and frame_max but not raise them; 0 means "no limit" and takes the broker's value;
 * the heartbeat is the client's choice. Violations close the connection with 530, as RabbitMQ.
 */
record Negotiation(int channelMax, long frameMax, int heartbeat) {

  static Negotiation settle(Connection.TuneOk tuneOk, ConnectionLimits limits) {
    int channelMax = tuneOk.channelMax() == 0 ? limits.channelMax() : tuneOk.channelMax();
    if (channelMax > limits.channelMax()) {
      throw AmqpException.notAllowed(
          "negotiated channel_max = "
              + channelMax
              + " is higher than the maximum allowed value ("
              + limits.channelMax()
              + ")");
    }
    long frameMax = tuneOk.frameMax() == 0 ? limits.frameMax() : tuneOk.frameMax();
    if (frameMax > limits.frameMax()) {
      throw AmqpException.notAllowed(
          "frame_max=" + frameMax + " > " + limits.frameMax() + " max size");
    }
    if (frameMax < AmqpConstants.FRAME_MIN_SIZE) {
      throw AmqpException.notAllowed(
          "frame_max=" + frameMax + " < " + AmqpConstants.FRAME_MIN_SIZE + " min size");
    }
    return new Negotiation(channelMax, frameMax, tuneOk.heartbeat());
  }
}
