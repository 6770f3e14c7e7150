package io.warrenmq.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;
import io.warrenmq.model.codec.FrameEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The socket's write path for every thread. Netty turns each write made off the event loop into a
 * task and wakes the loop for it: one wake-up, one thread hand-off and one syscall per message.
 * Here:
 *
 * <ul>
 *   <li>a publisher that waits for each confirm writes {@linkplain #writeDirect directly}: it
 *       encodes on its own thread and writes to the JDK socket, as the official client does, so a
 *       confirmed publish costs the I/O thread only the wake-up for the ack;
 *   <li>other writes from user threads go to a lock-free queue, and only the first one into an
 *       empty queue schedules a drain; the loop writes everything queued and flushes once, one
 *       wake-up and one syscall per batch.
 * </ul>
 *
 * <p>Order: every socket write, on either thread, happens under {@code writeLock}, and a direct
 * write happens only when nothing is queued here or pending in Netty's buffer. The I/O thread never
 * waits for that lock: when a publisher holds it, the loop queues its frame and drains later.
 *
 * <p>Backpressure: {@link #backlog()} counts messages queued but not yet handed to Netty, whose own
 * buffer is covered by {@code isWritable()}; a drain runs {@code onDrained} so that publishers
 * waiting on a long backlog can look again.
 */
final class Outbound {
  /** At most this many messages are written per drain before the loop gets to read again. */
  private static final int DRAIN_BUDGET = 1024;

  private final Channel socket;
  private final EventLoop loop;
  private final Queue<Object> queue = PlatformDependent.newMpscQueue();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicInteger backlog = new AtomicInteger();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Runnable drainTask = this::drain;
  private final Runnable onDrained;
  private final FrameEncoder encoder = new FrameEncoder();
  private volatile boolean directAllowed;

  Outbound(Channel socket, Runnable onDrained) {
    this.socket = socket;
    this.loop = socket.eventLoop();
    this.onDrained = onDrained;
  }

  /**
   * Allows direct writes with bodies cut for {@code frameMax}; called once tuned, and only for a
   * plain (not TLS) {@link DirectNioSocketChannel}.
   */
  void allowDirect(long frameMax) {
    encoder.setMaxFrameSize(frameMax);
    directAllowed = socket instanceof DirectNioSocketChannel;
  }

  /** Messages queued by user threads and not yet written to the socket. */
  int backlog() {
    return backlog.get();
  }

  /** Writes and flushes {@code message} (takes ownership) through the queue. Any thread. */
  void write(Object message) {
    if (!loop.inEventLoop()) {
      enqueue(message);
    } else if (writeLock.tryLock()) {
      try {
        writeQueued(Integer.MAX_VALUE);
        socket.write(message, socket.voidPromise());
        socket.flush();
      } finally {
        writeLock.unlock();
      }
    } else {
      enqueue(message); // a publisher is writing; the drain retries
    }
  }

  /**
   * Writes {@code message} (takes ownership) to the socket from the calling thread when nothing is
   * ahead of it, else through the queue. For a publisher about to wait for its confirm.
   */
  void writeDirect(Object message) {
    if (!directAllowed || loop.inEventLoop() || backlog.get() != 0 || !writeLock.tryLock()) {
      write(message);
      return;
    }
    try {
      ChannelOutboundBuffer pending = socket.unsafe().outboundBuffer();
      if (backlog.get() != 0 || pending == null || pending.totalPendingWriteBytes() != 0) {
        enqueue(message);
        return;
      }
      List<Object> buffers = new ArrayList<>(4);
      try {
        encoder.encode(socket.alloc(), message, buffers);
      } finally {
        ReferenceCountUtil.release(message);
      }
      send(buffers);
    } finally {
      writeLock.unlock();
    }
  }

  /** Writes {@code buffers} to the JDK socket; what it does not take goes to the queue. */
  private void send(List<Object> buffers) {
    var channel = ((DirectNioSocketChannel) socket).javaChannel();
    int i = 0;
    try {
      for (; i < buffers.size(); i++) {
        ByteBuf buf = (ByteBuf) buffers.get(i);
        ByteBuffer nio = buf.nioBuffer();
        int written = channel.write(nio);
        buf.skipBytes(written);
        if (buf.isReadable()) {
          break; // the socket buffer is full: Netty writes the rest when it drains
        }
        buf.release();
      }
    } catch (IOException e) {
      // The socket is closing or closed; the I/O thread reports it. Drop what is left.
      for (; i < buffers.size(); i++) {
        ReferenceCountUtil.release(buffers.get(i));
      }
      return;
    }
    for (; i < buffers.size(); i++) {
      enqueue(buffers.get(i));
    }
  }

  private void enqueue(Object message) {
    queue.offer(message);
    backlog.incrementAndGet();
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      try {
        loop.execute(drainTask);
      } catch (RejectedExecutionException e) {
        discardQueued(); // the loop is gone with the connection; nothing will write these
      }
    }
  }

  private void discardQueued() {
    Object message;
    while ((message = queue.poll()) != null) {
      backlog.decrementAndGet();
      ReferenceCountUtil.release(message);
    }
  }

  private void drain() {
    // Cleared before polling: a message offered from here on is either polled below or schedules
    // a drain of its own.
    scheduled.set(false);
    if (writeLock.tryLock()) {
      try {
        writeQueued(DRAIN_BUDGET);
      } finally {
        writeLock.unlock();
      }
    }
    if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      loop.execute(drainTask);
    }
  }

  private void writeQueued(int budget) {
    Object message;
    int written = 0;
    while (written < budget && (message = queue.poll()) != null) {
      socket.write(message, socket.voidPromise());
      written++;
    }
    if (written > 0) {
      socket.flush();
      backlog.addAndGet(-written);
      onDrained.run();
    }
  }
}
