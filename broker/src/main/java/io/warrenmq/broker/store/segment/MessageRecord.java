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
 */
record MessageRecord(List<QueueKey> queues, ByteBuf payload) {
  static final byte TYPE = 1;

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

  /** Reads the queue list; the rest stays in {@code payload} for {@link #toMessage}. */
  static MessageRecord read(ByteBuf payload) {
    ByteBuf in = payload.duplicate();
    if (in.readByte() != TYPE) {
      throw new IllegalStateException("not a message record");
    }
    int count = in.readUnsignedShort();
    List<QueueKey> queues = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queues.add(new QueueKey(RecordFormat.readString(in), RecordFormat.readString(in)));
    }
    return new MessageRecord(queues, in);
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
