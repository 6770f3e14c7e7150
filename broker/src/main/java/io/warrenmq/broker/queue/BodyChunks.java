package io.warrenmq.broker.queue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.warrenmq.model.generated.BasicProperties;
import java.util.Objects;

/**
 * Compact copies of the small transient messages a deep queue holds. A published body is a slice of
 * the socket's read buffer, and keeps all of it alive: the method and header frames around it, the
 * bodies of messages long delivered, and the buffer's unused capacity; with 100-byte bodies that
 * was over 300 bytes of direct memory per queued message. Copied back to back into 64 KiB chunks, a
 * body costs its own size, and the read buffers go back to the pool.
 *
 * <p>Consecutive messages of one publisher usually share exchange, routing key and properties; a
 * copy takes the previous copy's instances when they are equal, so a million queued messages hold
 * one {@link BasicProperties}, not a million.
 *
 * <p>Only a message this queue alone holds is copied: one routed to several queues stays shared by
 * them, which costs less than a copy per queue. Confinement: the queue's executor. Ownership: holds
 * one reference to the chunk being filled until {@link #close}; each copy holds one more.
 */
final class BodyChunks {
  /** Bodies larger than this stay where they are: their frames are a small part of the buffer. */
  static final int MAX_BODY = 4096;

  static final int CHUNK_SIZE = 64 * 1024;

  private final ByteBufAllocator allocator;
  private ByteBuf chunk;
  private String exchange;
  private String routingKey;
  private BasicProperties properties;

  BodyChunks(ByteBufAllocator allocator) {
    this.allocator = allocator;
  }

  /**
   * {@code message} with its body copied into a chunk, taking over the caller's reference (the
   * original is released); {@code message} itself when it is not worth or not safe to copy.
   */
  Message compact(Message message) {
    int size = message.size();
    if (size > MAX_BODY
        || message.isInChunk()
        || message.storeRef() != null
        || !message.isSoleHolder()) {
      return message;
    }
    if (chunk == null || chunk.writableBytes() < size) {
      close();
      chunk = allocator.directBuffer(CHUNK_SIZE, CHUNK_SIZE);
    }
    int offset = chunk.writerIndex();
    ByteBuf body = message.body();
    chunk.writeBytes(body, body.readerIndex(), size);
    share(message);
    Message copy = Message.inChunk(exchange, routingKey, properties, chunk.retain(), offset, size);
    message.release();
    return copy;
  }

  private void share(Message message) {
    if (!Objects.equals(exchange, message.exchange())) {
      exchange = message.exchange();
    }
    if (!Objects.equals(routingKey, message.routingKey())) {
      routingKey = message.routingKey();
    }
    BasicProperties given = message.properties();
    // Equal tables may list their fields in another order; those keep their own instance.
    if (given != properties
        && (given == null || given.headers() != null || !given.equals(properties))) {
      properties = given;
    }
  }

  /** Gives back the chunk being filled; the copies in it keep it until they are released. */
  void close() {
    if (chunk != null) {
      chunk.release();
      chunk = null;
    }
  }
}
