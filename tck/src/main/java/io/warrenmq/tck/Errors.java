package io.warrenmq.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.ChannelClosedByBroker;
import io.warrenmq.client.ConnectionClosedByBroker;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Assertions for error cases: the reply code, and which of channel or connection the broker closed.
 * An asynchronous method (publish, ack) is followed by a synchronous probe, because the broker's
 * close only surfaces on the next call that waits for a reply.
 */
public final class Errors {
  private Errors() {}

  /** {@code call} closes {@code ch} (only) with {@code code}; the connection stays usable. */
  public static ChannelClosedByBroker channelError(
      BlockingChannel ch, int code, ThrowingCallable call) {
    ChannelClosedByBroker e = catchThrowableOfType(ChannelClosedByBroker.class, call);
    assertThat(e).as("expected channel.close %d", code).isNotNull();
    assertThat(e.replyCode()).as("reply code (%s)", e.replyText()).isEqualTo(code);
    assertThat(ch.isOpen()).as("channel closed").isFalse();
    assertThat(ch.connection().isOpen()).as("connection still open").isTrue();
    ch.connection().channel().close(); // and it still opens channels
    return e;
  }

  /** Async {@code call} then a probe on the same channel: the channel closes with {@code code}. */
  public static ChannelClosedByBroker asyncChannelError(
      BlockingChannel ch, int code, Runnable call) {
    return channelError(
        ch,
        code,
        () -> {
          call.run();
          probe(ch);
        });
  }

  /** {@code call} closes the whole connection of {@code ch} with {@code code}. */
  public static ConnectionClosedByBroker connectionError(
      BlockingChannel ch, int code, ThrowingCallable call) {
    ConnectionClosedByBroker e = catchThrowableOfType(ConnectionClosedByBroker.class, call);
    assertThat(e).as("expected connection.close %d", code).isNotNull();
    assertThat(e.replyCode()).as("reply code (%s)", e.replyText()).isEqualTo(code);
    assertThat(ch.connection().isOpen()).as("connection closed").isFalse();
    return e;
  }

  /** A synchronous round trip on {@code ch}: surfaces an earlier asynchronous channel error. */
  public static void probe(BlockingChannel ch) {
    ch.exchangeDeclare("amq.direct", "direct", o -> o.passive(true));
  }
}
