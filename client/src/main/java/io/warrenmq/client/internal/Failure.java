package io.warrenmq.client.internal;

import io.warrenmq.client.AMQPChannelError;
import io.warrenmq.client.AMQPConnectionError;
import io.warrenmq.client.AMQPError;
import io.warrenmq.client.AMQPHeartbeatTimeout;
import io.warrenmq.client.ChannelClosedByBroker;
import io.warrenmq.client.ChannelClosedByClient;
import io.warrenmq.client.ConnectionClosedByBroker;
import io.warrenmq.client.ConnectionClosedByClient;
import io.warrenmq.client.ProbableAccessDeniedError;
import io.warrenmq.client.ProbableAuthenticationError;
import io.warrenmq.client.StreamLostError;

/**
 * Why a connection or channel ended, recorded by the I/O thread. The public exception is built by
 * {@link #toException()} on the thread that reports it, so its stack trace shows the user's call
 * rather than the event loop's.
 *
 * @param kind what happened
 * @param code the AMQP reply code, or 0
 * @param text the reply text or a description
 * @param cause the underlying exception, or null
 */
public record Failure(Kind kind, int code, String text, Throwable cause) {

  /** The kinds of ending, one per public exception. */
  public enum Kind {
    CONNECTION_CLOSED_BY_BROKER,
    CONNECTION_CLOSED_BY_CLIENT,
    AUTHENTICATION,
    ACCESS_DENIED,
    STREAM_LOST,
    TLS_HANDSHAKE,
    HEARTBEAT_TIMEOUT,
    CONNECTION_ERROR,
    CHANNEL_CLOSED_BY_BROKER,
    CHANNEL_CLOSED_BY_CLIENT
  }

  /** A failure with a reply code and text. */
  public static Failure of(Kind kind, int code, String text) {
    return new Failure(kind, code, text, null);
  }

  /** True for failures that end only a channel. */
  public boolean isChannelLevel() {
    return kind == Kind.CHANNEL_CLOSED_BY_BROKER || kind == Kind.CHANNEL_CLOSED_BY_CLIENT;
  }

  /** A new public exception describing this failure. */
  public AMQPError toException() {
    return switch (kind) {
      case CONNECTION_CLOSED_BY_BROKER -> new ConnectionClosedByBroker(code, text);
      case CONNECTION_CLOSED_BY_CLIENT -> new ConnectionClosedByClient(code, text);
      case AUTHENTICATION -> new ProbableAuthenticationError(code, text);
      case ACCESS_DENIED -> new ProbableAccessDeniedError(code, text);
      case STREAM_LOST -> new StreamLostError(text, cause);
      case TLS_HANDSHAKE -> new AMQPConnectionError(text, cause);
      case HEARTBEAT_TIMEOUT -> new AMQPHeartbeatTimeout(text);
      case CONNECTION_ERROR -> new AMQPConnectionError(code, text, describe(), cause);
      case CHANNEL_CLOSED_BY_BROKER -> new ChannelClosedByBroker(code, text);
      case CHANNEL_CLOSED_BY_CLIENT -> new ChannelClosedByClient(code, text);
    };
  }

  /** A channel error describing this failure, for a channel used after it ended. */
  public AMQPChannelError toWrongState(int channel) {
    return new io.warrenmq.client.ChannelWrongStateError(
        "Channel " + channel + " is closed: " + describe());
  }

  /** {@code (code, text)} or just the text. */
  public String describe() {
    return code == 0 ? text : "(" + code + ", " + text + ")";
  }
}
