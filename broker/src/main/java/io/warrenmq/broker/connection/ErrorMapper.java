package io.warrenmq.broker.connection;

import io.netty.handler.codec.DecoderException;
import io.warrenmq.model.AmqpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns an error into a close (STYLE §5): a hard error, or any error on channel
 * 0, closes the connection; any other closes its channel. Anything that is not an {@link
 * AmqpException} is a bug: 541 INTERNAL_ERROR, logged once with its stack trace.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static void handle(AmqpConnection connection, int channel, Throwable error) {
    AmqpException amqp = toAmqp(error);
    if (channel == 0 || amqp.isHardError()) {
      LOG.debug("closing connection {}: {}", connection, amqp.replyText());
      connection.closeWithError(amqp);
    } else {
      LOG.debug("closing channel {} of {}: {}", channel, connection, amqp.replyText());
      connection.closeChannel(channel, amqp);
    }
  }

  static AmqpException toAmqp(Throwable error) {
    Throwable cause = error;
    if (cause instanceof DecoderException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof AmqpException amqp) {
      return amqp;
    }
    LOG.error("internal error", cause);
    return AmqpException.internalError("internal error: " + cause.getClass().getSimpleName());
  }
}
