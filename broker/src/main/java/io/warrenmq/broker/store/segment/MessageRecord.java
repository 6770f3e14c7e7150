package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.RecoveredMessages;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message record's payload: {@code [type 4][u16 queue count]{[vhost][queue]}[u64 enqueued
 * at][exchange][routing key][u32 properties length][properties as in a content header][u32 body
 * length][body]}. One record per message, however many durable queues it was routed to. The enqueue
 * time (epoch ms) is what message TTLs count from, so they hold across a restart.
 *
 * <p>Type 5 is a record moved by compaction: {@code [type 5][u32 origin segment][u32 origin
 * offset]} then the same fields, its queue list reduced to the queues that still held it. The
 * origin is where the message was first written; it orders recovery (publish order) and lets
 * recovery drop the older copy when a crash left both.
 *
 * <p>Types 1 and 3 are the same without the enqueue time (format version 1); they are still read,
 * and a type 1 record is moved as a type 3.
 */
record MessageRecord(List<QueueKey> queues, ByteBuf payload, long origin, long enqueuedAt) {
  static final byte TYPE_V1 = 1;
  static final byte MOVED_V1 = 3;
  static final byte TYPE = 4;
  static final byte MOVED = 5;

  // Property flag bits of a content header (AMQP 0-9-1 basic class), in wire order.
  private static final int HEADERS = 0x2000;
  private static final int DELIVERY_MODE = 0x1000;
  private static final int PRIORITY = 0x0800;
  private static final int EXPIRATION = 0x0100;

  /** {@link #enqueuedAt} of a version 1 record, which did not record it. */
  static final long UNKNOWN = RecoveredMessages.UNKNOWN;

  /** What recovery reads of a message's properties: its priority and its own TTL. */
  record Hints(int priority, String expiration) {
    static final Hints NONE = new Hints(0, null);
  }

  /** The origin key of a record first written at {@code segment}/{@code offset}. */
  static long origin(int segment, int offset) {
    return ((long) segment << 32) | (offset & 0xFFFFFFFFL);
  }

  /**
   * Writes a moved record: {@code origin}, {@code queues}, {@code enqueuedAt} (unless {@link
   * #UNKNOWN}), then {@code rest} (not consumed).
   */
  static void writeMoved(
      ByteBuf out, long origin, List<QueueKey> queues, long enqueuedAt, ByteBuf rest) {
    out.writeByte(enqueuedAt == UNKNOWN ? MOVED_V1 : MOVED);
    out.writeInt((int) (origin >>> 32)).writeInt((int) origin);
    out.writeShort(queues.size());
    for (QueueKey queue : queues) {
      RecordFormat.writeString(out, queue.vhost());
      RecordFormat.writeString(out, queue.queue());
    }
    if (enqueuedAt != UNKNOWN) {
      out.writeLong(enqueuedAt);
    }
    out.writeBytes(rest, rest.readerIndex(), rest.readableBytes());
  }

  /**
   * Writes the payload of {@code message} for {@code queues}, enqueued at {@code enqueuedAt} (epoch
   * ms; copies the body).
   */
  static void write(
      ByteBuf out, String vhost, List<String> queues, Message message, long enqueuedAt) {
    out.writeByte(TYPE).writeShort(queues.size());
    for (String queue : queues) {
      RecordFormat.writeString(out, vhost);
      RecordFormat.writeString(out, queue);
    }
    out.writeLong(enqueuedAt);
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
    int size = 72 + message.size() + queues.size() * 260 + 2 * 260;
    BasicProperties properties = message.properties();
    return properties == null ? size : size + properties.encodedSize();
  }

  /**
   * Reads the queue list and the enqueue time; the rest stays in {@code payload} for {@link
   * #toMessage}. {@code origin} is -1 for a record in its first place (its origin is its own
   * position).
   */
  static MessageRecord read(ByteBuf payload) {
    ByteBuf in = payload.duplicate();
    byte type = in.readByte();
    long origin = -1;
    if (type == MOVED || type == MOVED_V1) {
      origin = origin(in.readInt(), in.readInt());
    } else if (type != TYPE && type != TYPE_V1) {
      throw new IllegalStateException("not a message record");
    }
    int count = in.readUnsignedShort();
    List<QueueKey> queues = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queues.add(new QueueKey(RecordFormat.readString(in), RecordFormat.readString(in)));
    }
    long enqueuedAt = type == TYPE || type == MOVED ? in.readLong() : UNKNOWN;
    return new MessageRecord(queues, in, origin, enqueuedAt);
  }

  /**
   * The priority and expiration properties, read without decoding the others (recovery reads every
   * record's header; a message's headers table is skipped, not parsed).
   */
  Hints hints() {
    ByteBuf in = payload.duplicate();
    in.skipBytes(in.readUnsignedShort()); // exchange
    in.skipBytes(in.readUnsignedShort()); // routing key
    in.skipBytes(4); // properties length
    int flags = in.readUnsignedShort();
    for (int more = flags; (more & 1) != 0; ) {
      more = in.readUnsignedShort();
    }
    if ((flags & (PRIORITY | EXPIRATION)) == 0) {
      return Hints.NONE;
    }
    int priority = 0;
    String expiration = null;
    for (int bit = 0x8000; bit >= EXPIRATION; bit >>>= 1) {
      if ((flags & bit) == 0) {
        continue;
      }
      switch (bit) {
        case HEADERS -> in.skipBytes(in.readInt());
        case DELIVERY_MODE -> in.skipBytes(1);
        case PRIORITY -> priority = in.readUnsignedByte();
        case EXPIRATION -> {
          int length = in.readUnsignedByte();
          expiration = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
          in.skipBytes(length);
        }
        default -> in.skipBytes(in.readUnsignedByte()); // a short string
      }
    }
    return new Hints(priority, expiration);
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
