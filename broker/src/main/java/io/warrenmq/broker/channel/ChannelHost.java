package io.warrenmq.broker.channel;

import io.netty.channel.EventLoop;
import io.warrenmq.broker.access.UserAccess;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;

/**
 * What a channel needs from its connection: a narrow interface, so the channel layer does not
 * depend on the connection layer and can be tested with a fake.
 *
 * <p>Every method is called on the connection's event loop.
 */
public interface ChannelHost {
  /** The event loop that owns the connection and its channels. */
  EventLoop eventLoop();

  /** Writes a frame or command; flushed at the end of the current read or by a scheduled flush. */
  void write(Object frameOrCommand);

  /**
   * True while the socket accepts writes without queueing beyond its high water mark. Unlike the
   * other methods, safe on any thread: queues ask it before dispatching.
   */
  boolean isWritable();

  /** The channel finished closing (close-ok sent or received): its number may be reused. */
  void channelClosed(int channel);

  /** The identity that owns exclusive queues declared on this connection. */
  Object owner();

  /** The vhost the connection opened. */
  VirtualHost vhost();

  /** The authenticated user name, for the user-id property check. */
  String userName();

  /** The permission checks of the connection's user in its vhost. */
  UserAccess access();

  /** True when the client asked for basic.cancel notifications (consumer_cancel_notify). */
  boolean consumerCancelNotify();

  /** Reports an error that surfaced asynchronously (a queue's answer) to the error mapper. */
  void asyncError(int channel, AmqpException error);

  /**
   * A publish on this connection was just routed to {@code queue}, which is overloaded: the
   * connection stops being read until the queue drains (publisher credit).
   */
  void routedToOverloaded(MessageQueue queue);

  /** The largest message body accepted. */
  long maxMessageSize();
}
