package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.log.FileIo;
import io.warrenmq.broker.store.log.RecordFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's acks: those settled since the last group-commit pass, grouped by segment and queue, and
 * the ack files they are written to after the pass's force, each beside the segment it settles.
 * They are not forced (a lost ack only redelivers) unless {@code warrenmq.store.force_acks} is set.
 *
 * <p>Confinement: the store thread.
 */
final class SegmentAcks {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentAcks.class);

  private final Path dir;
  private final FileIo io;
  private final Map<Integer, FileChannel> files = new HashMap<>();
  private final Map<Integer, Map<QueueKey, SegmentLog.Offsets>> pending = new HashMap<>();
  private final boolean force = Boolean.getBoolean("warrenmq.store.force_acks");
  private boolean failureLogged;

  SegmentAcks(Path dir, FileIo io) {
    this.dir = dir;
    this.io = io;
  }

  // The list the last ack went to: a consumer's acks come in runs for one queue and segment, so
  // most acks skip both map lookups. Cleared whenever pending lists are dropped.
  private int lastSegment = -1;
  private QueueKey lastQueue;
  private SegmentLog.Offsets lastOffsets;

  /** Records that {@code queue} settled the record at {@code offset} of {@code segment}. */
  void add(int segment, QueueKey queue, int offset) {
    if (lastOffsets == null || segment != lastSegment || !queue.equals(lastQueue)) {
      lastOffsets =
          pending
              .computeIfAbsent(segment, s -> new HashMap<>())
              .computeIfAbsent(queue, q -> new SegmentLog.Offsets());
      lastSegment = segment;
      lastQueue = queue;
    }
    lastOffsets.add(offset);
  }

  private void forgetLast() {
    lastOffsets = null;
    lastQueue = null;
  }

  /** The acks of {@code segment} not yet written, by queue; null when there are none. */
  Map<QueueKey, SegmentLog.Offsets> pending(int segment) {
    return pending.get(segment);
  }

  /** Drops the pending acks of records at or after {@code end} of {@code segment} (cut records). */
  void dropFrom(int segment, int end) {
    Map<QueueKey, SegmentLog.Offsets> acks = pending.get(segment);
    if (acks != null) {
      acks.values().forEach(offsets -> offsets.dropFrom(end));
    }
  }

  /** Writes the pending acks; a failure loses them (redelivery), never a message: logged once. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    ByteBuf out = Unpooled.buffer();
    try {
      for (var segment : pending.entrySet()) {
        for (var queue : segment.getValue().entrySet()) {
          SegmentLog.Offsets offsets = queue.getValue();
          if (offsets.size > 0) {
            int start = RecordFormat.begin(out);
            AckRecord.write(out, queue.getKey(), offsets.values, offsets.size);
            RecordFormat.end(out, start);
          }
        }
        FileChannel file = file(segment.getKey());
        io.write(file, out.nioBuffer());
        out.clear();
        if (force) {
          io.force(file); // measured in the README: not worth its cost by default
        }
      }
      failureLogged = false;
    } catch (IOException e) {
      if (!failureLogged) {
        failureLogged = true;
        LOG.error(
            "writing acks failed (they are lost: those messages come back after a restart)", e);
      }
    } finally {
      out.release();
      pending.clear();
      forgetLast();
    }
  }

  private FileChannel file(int segment) throws IOException {
    FileChannel file = files.get(segment);
    if (file == null) {
      file = SegmentFiles.openAppend(SegmentFiles.acks(dir, segment), SegmentFiles.ACK_MAGIC);
      files.put(segment, file);
    }
    return file;
  }

  /** {@code segment} is being deleted: its pending acks go and its ack file is closed. */
  void forget(int segment) throws IOException {
    pending.remove(segment);
    forgetLast();
    FileChannel file = files.remove(segment);
    if (file != null) {
      file.close();
    }
  }

  /** Closes the ack files without writing what is pending. */
  void close() throws IOException {
    for (FileChannel file : files.values()) {
      file.close();
    }
    files.clear();
  }
}
