package io.warrenmq.client.internal;

import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Netty's NIO socket with its JDK channel exposed, so that {@link Outbound} can write from a
 * publishing thread. The JDK channel serializes writes and close itself, so a write racing a close
 * fails cleanly (ClosedChannelException) rather than reaching a reused descriptor.
 */
public final class DirectNioSocketChannel extends NioSocketChannel {
  /** A channel for the bootstrap. */
  public DirectNioSocketChannel() {}

  @Override
  public SocketChannel javaChannel() {
    return super.javaChannel();
  }
}
