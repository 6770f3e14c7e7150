package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.log.RecordFormat;

/**
 * An ack record in a segment's ack file: {@code [type 2][vhost][queue][u32 n][n x u32 offset]} —
 * the messages at those offsets of that segment are settled for that queue. Acks live beside the
 * segment they settle, so deleting a settled segment deletes its acks with it.
 */
record AckRecord(QueueKey queue, int[] offsets) {
  static final byte TYPE = 2;

  static void write(ByteBuf out, QueueKey queue, int[] offsets, int count) {
    out.writeByte(TYPE);
    RecordFormat.writeString(out, queue.vhost());
    RecordFormat.writeString(out, queue.queue());
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      out.writeInt(offsets[i]);
    }
  }

  static AckRecord read(ByteBuf payload) {
    ByteBuf in = payload.duplicate();
    if (in.readByte() != TYPE) {
      throw new IllegalStateException("not an ack record");
    }
    QueueKey queue = new QueueKey(RecordFormat.readString(in), RecordFormat.readString(in));
    int count = in.readInt();
    int[] offsets = new int[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = in.readInt();
    }
    return new AckRecord(queue, offsets);
  }
}
