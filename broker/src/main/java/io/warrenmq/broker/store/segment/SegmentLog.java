package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.broker.store.log.StoreThread;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message log: segments {@code NNNNNNNN.seg} of message records, each with an ack file {@code
 * NNNNNNNN.ack}. Appends go to a write buffer and reach the active segment at {@link #sync} (the
 * group commit), which forces it; acks are written to the ack file of the segment they settle, not
 * forced (a lost ack only redelivers). A segment whose every queue reference is settled is deleted
 * once it is no longer the active one.
 *
 * <p>Confinement: the store thread (after recovery built it).
 */
public final class SegmentLog implements StoreThread.Syncable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);
  private static final int BUFFER = 1 << 20;

  private final Path dir;
  private final long segmentSize;
  private final TreeMap<Integer, int[]> live = new TreeMap<>();
  private final Map<Integer, FileChannel> ackFiles = new HashMap<>();
  private final Map<Integer, Map<QueueKey, Offsets>> pendingAcks = new HashMap<>();
  private final ByteBuf writeBuf = Unpooled.directBuffer(BUFFER);
  private int activeId;
  private FileChannel active;
  private long activeSize;
  private boolean unforced;

  /**
   * Opens the log after recovery: {@code liveCounts} are the unsettled references of the recovered
   * segments; appends go to a new segment numbered {@code nextId}.
   */
  public SegmentLog(Path dir, long segmentSize, Map<Integer, Integer> liveCounts, int nextId)
      throws IOException {
    this.dir = dir;
    this.segmentSize = segmentSize;
    liveCounts.forEach((id, count) -> live.put(id, new int[] {count}));
    openSegment(nextId);
  }

  /** Buffers a record of {@code message} for {@code queues} and locates its ref. */
  public void append(String vhost, List<String> queues, Message message) throws IOException {
    long position = activeSize + writeBuf.readableBytes();
    if (position > RecordFormat.fileHeaderSize()
        && position + MessageRecord.estimate(queues, message) > segmentSize) {
      roll();
      position = activeSize;
    }
    int start = RecordFormat.begin(writeBuf);
    MessageRecord.write(writeBuf, vhost, queues, message);
    RecordFormat.end(writeBuf, start);
    message.storeRef().locate(activeId, (int) position);
    live.get(activeId)[0] += queues.size();
    if (writeBuf.readableBytes() >= BUFFER) {
      flushBuffer();
    }
  }

  /** Settles {@code queue}'s reference to the message at {@code ref}. */
  public void ack(QueueKey queue, StoreRef ref) throws IOException {
    int segment = ref.segment();
    int[] count = live.get(segment);
    if (count == null) {
      return; // never written (failed append) or its segment is already gone
    }
    pendingAcks
        .computeIfAbsent(segment, s -> new HashMap<>())
        .computeIfAbsent(queue, q -> new Offsets())
        .add(ref.offset());
    if (--count[0] <= 0 && segment != activeId) {
      deleteSegment(segment);
    }
  }

  /** The segments on disk, oldest first (tests, management). */
  public List<Integer> segments() {
    return List.copyOf(live.keySet());
  }

  @Override
  public boolean sync() throws IOException {
    flushBuffer();
    writeAcks();
    if (!unforced) {
      return false;
    }
    active.force(false);
    unforced = false;
    return true;
  }

  private void flushBuffer() throws IOException {
    if (writeBuf.isReadable()) {
      activeSize += writeBuf.readableBytes();
      SegmentFiles.writeFully(active, writeBuf);
      unforced = true;
    }
    writeBuf.clear();
    if (writeBuf.capacity() > 4 * BUFFER) {
      writeBuf.capacity(BUFFER);
    }
  }

  private void writeAcks() throws IOException {
    if (pendingAcks.isEmpty()) {
      return;
    }
    ByteBuf out = Unpooled.buffer();
    try {
      for (var segment : pendingAcks.entrySet()) {
        for (var queue : segment.getValue().entrySet()) {
          int start = RecordFormat.begin(out);
          AckRecord.write(out, queue.getKey(), queue.getValue().values, queue.getValue().size);
          RecordFormat.end(out, start);
        }
        SegmentFiles.writeFully(ackFile(segment.getKey()), out);
        out.clear();
      }
    } finally {
      out.release();
      pendingAcks.clear();
    }
  }

  private FileChannel ackFile(int segment) throws IOException {
    FileChannel file = ackFiles.get(segment);
    if (file == null) {
      file = SegmentFiles.openAppend(SegmentFiles.acks(dir, segment), SegmentFiles.ACK_MAGIC);
      ackFiles.put(segment, file);
    }
    return file;
  }

  private void roll() throws IOException {
    flushBuffer();
    active.force(false);
    unforced = false;
    active.close();
    int previous = activeId;
    openSegment(previous + 1);
    if (live.get(previous)[0] <= 0) {
      deleteSegment(previous);
    }
  }

  private void openSegment(int id) throws IOException {
    active = SegmentFiles.openAppend(SegmentFiles.segment(dir, id), SegmentFiles.SEGMENT_MAGIC);
    active.force(false);
    SegmentFiles.syncDirectory(dir);
    activeId = id;
    activeSize = active.size();
    live.put(id, new int[] {0});
  }

  private void deleteSegment(int segment) throws IOException {
    live.remove(segment);
    pendingAcks.remove(segment);
    FileChannel acks = ackFiles.remove(segment);
    if (acks != null) {
      acks.close();
    }
    SegmentFiles.delete(dir, segment);
    LOG.debug("deleted settled segment {}", segment);
  }

  @Override
  public void close() throws IOException {
    try {
      sync();
    } finally {
      writeBuf.release();
      active.close();
      for (FileChannel file : ackFiles.values()) {
        file.close();
      }
      ackFiles.clear();
    }
  }

  /** A growable list of record offsets. */
  private static final class Offsets {
    int[] values = new int[8];
    int size;

    void add(int offset) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = offset;
    }
  }
}
