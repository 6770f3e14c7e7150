package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.model.generated.BasicProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * A message record's payload: {@code [type 1][u16 queue count]{[vhost][queue]}[exchange][routing
 * key][u32 properties length][properties as in a content header][u32 body length][body]}. One
 * record per message, however many durable queues it was routed to.
 *
 * <p>Type 3 is a record moved by compaction: {@code [type 3][u32 origin segment][u32 origin
 * offset]} then the same fields, its queue list reduced to the queues that still held it. The
 * origin is where the message was first written; it orders recovery (publish order) and lets
 * recovery drop the older copy when a crash left both.
 */
record MessageRecord(List<QueueKey> queues, ByteBuf payload, long origin) {
  static final byte TYPE = 1;
  static final byte MOVED = 3;

  /** The origin key of a record first written at {@code segment}/{@code offset}. */
  static long origin(int segment, int offset) {
    return ((long) segment << 32) | (offset & 0xFFFFFFFFL);
  }

  /** Writes a moved record: {@code origin}, {@code queues}, then {@code rest} (not consumed). */
  static void writeMoved(ByteBuf out, long origin, List<QueueKey> queues, ByteBuf rest) {
    out.writeByte(MOVED).writeInt((int) (origin >>> 32)).writeInt((int) origin);
    out.writeShort(queues.size());
    for (QueueKey queue : queues) {
      RecordFormat.writeString(out, queue.vhost());
      RecordFormat.writeString(out, queue.queue());
    }
    out.writeBytes(rest, rest.readerIndex(), rest.readableBytes());
  }

  /** Writes the payload of {@code message} for {@code queues} (copies the body). */
  static void write(ByteBuf out, String vhost, List<String> queues, Message message) {
    out.writeByte(TYPE).writeShort(queues.size());
    for (String queue : queues) {
      RecordFormat.writeString(out, vhost);
      RecordFormat.writeString(out, queue);
    }
    RecordFormat.writeString(out, message.exchange());
    RecordFormat.writeString(out, message.routingKey());
    BasicProperties properties =
        message.properties() == null ? BasicProperties.EMPTY : message.properties();
    int lengthIndex = out.writerIndex();
    out.writeInt(0);
    properties.writeTo(out);
    out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    ByteBuf body = message.body();
    out.writeInt(body.readableBytes()).writeBytes(body, body.readerIndex(), body.readableBytes());
  }

  /** A bound on the payload size, for the segment roll decision. */
  static int estimate(List<String> queues, Message message) {
    int size = 64 + message.size() + queues.size() * 260 + 2 * 260;
    BasicProperties properties = message.properties();
    return properties == null ? size : size + properties.encodedSize();
  }

  /**
   * Reads the queue list; the rest stays in {@code payload} for {@link #toMessage}. {@code origin}
   * is -1 for a record in its first place (its origin is its own position).
   */
  static MessageRecord read(ByteBuf payload) {
    ByteBuf in = payload.duplicate();
    byte type = in.readByte();
    long origin = -1;
    if (type == MOVED) {
      origin = origin(in.readInt(), in.readInt());
    } else if (type != TYPE) {
      throw new IllegalStateException("not a message record");
    }
    int count = in.readUnsignedShort();
    List<QueueKey> queues = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queues.add(new QueueKey(RecordFormat.readString(in), RecordFormat.readString(in)));
    }
    return new MessageRecord(queues, in, origin);
  }

  /** The message, its body copied into a new buffer from {@code alloc} (one reference). */
  Message toMessage(ByteBufAllocator alloc, StoreRef ref) {
    ByteBuf in = payload.duplicate();
    String exchange = RecordFormat.readString(in);
    String routingKey = RecordFormat.readString(in);
    int propertiesLength = in.readInt();
    BasicProperties properties = BasicProperties.read(in.readSlice(propertiesLength));
    int bodyLength = in.readInt();
    ByteBuf body = alloc.heapBuffer(bodyLength);
    body.writeBytes(in, bodyLength);
    return new Message(exchange, routingKey, properties, body, ref);
  }
}
