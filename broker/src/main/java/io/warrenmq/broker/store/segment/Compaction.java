package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.broker.store.log.RecordScanner;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compaction of one sparse segment (the victim): its still-held records are copied, a slice at a
 * time, to the active segment as moved records (type 3, carrying their origin and only the queues
 * that still hold them); each copy relocates the record's shared {@link StoreRef}, so every queue's
 * entry follows at once. Once every record is copied and the copies are forced, the log deletes the
 * victim. A crash before that leaves both copies: recovery keeps the newer one (same origin).
 *
 * <p>Which queues still hold a record comes from the victim's ack file (read at the start), its
 * pending acks, and the acks that arrive meanwhile; a record whose count disagrees with its ref
 * stops the compaction of that segment ({@link Unsafe}): it is never guessed.
 *
 * <p>Confinement: the store thread.
 */
final class Compaction {
  /** The segment cannot be compacted safely (damaged record, inconsistent acks). */
  static final class Unsafe extends Exception {
    Unsafe(String message) {
      super(message);
    }
  }

  private record Move(StoreRef ref, int from) {}

  private final Segment victim;
  private final FileChannel file;
  private final int[] offsets;
  private final Map<QueueKey, Set<Integer>> acked;
  private final List<Move> unforced = new ArrayList<>();
  private int cursor;
  private boolean copied;

  private Compaction(
      Segment victim, FileChannel file, int[] offsets, Map<QueueKey, Set<Integer>> acked) {
    this.victim = victim;
    this.file = file;
    this.offsets = offsets;
    this.acked = acked;
  }

  static Compaction start(Path dir, Segment victim, Map<QueueKey, SegmentLog.Offsets> pending)
      throws IOException {
    Map<QueueKey, Set<Integer>> acked = readAcks(SegmentFiles.acks(dir, victim.id));
    if (pending != null) {
      pending.forEach(
          (queue, list) -> {
            Set<Integer> set = acked.computeIfAbsent(queue, q -> new HashSet<>());
            for (int i = 0; i < list.size; i++) {
              set.add(list.values[i]);
            }
          });
    }
    int[] offsets = victim.refs.sortedOffsets();
    FileChannel file =
        FileChannel.open(SegmentFiles.segment(dir, victim.id), StandardOpenOption.READ);
    return new Compaction(victim, file, offsets, acked);
  }

  Segment victim() {
    return victim;
  }

  /** Every held record has been copied (the log deletes the victim after the next force). */
  boolean copied() {
    return copied;
  }

  void acked(int segment, QueueKey queue, int offset) {
    if (segment == victim.id) {
      acked.computeIfAbsent(queue, q -> new HashSet<>()).add(offset);
    }
  }

  /** Copies records until {@code maxBytes} are copied or {@code deadline} (nanoTime) passes. */
  void step(SegmentLog log, long maxBytes, long deadline) throws IOException, Unsafe {
    long spent = 0;
    while (cursor < offsets.length) {
      if (spent >= maxBytes || System.nanoTime() >= deadline) {
        return;
      }
      int offset = offsets[cursor++];
      StoreRef ref = victim.refs.get(offset);
      if (ref == null) {
        continue; // settled meanwhile
      }
      ByteBuf record = read(offset, ref.size());
      try {
        MessageRecord message =
            MessageRecord.read(
                record.slice(RecordFormat.HEADER, record.readableBytes() - RecordFormat.HEADER));
        List<QueueKey> holders = new ArrayList<>(message.queues().size());
        for (QueueKey queue : message.queues()) {
          if (!acked.getOrDefault(queue, Set.of()).contains(offset)) {
            holders.add(queue);
          }
        }
        if (holders.size() != ref.holders()) {
          throw new Unsafe(
              "record at " + offset + " held by " + ref.holders() + ", acks say " + holders.size());
        }
        long origin =
            message.origin() >= 0 ? message.origin() : MessageRecord.origin(victim.id, offset);
        victim.remove(ref);
        unforced.add(new Move(ref, offset));
        log.appendMoved(origin, holders, message.enqueuedAt(), message.payload(), ref);
        spent += ref.size();
      } catch (RuntimeException e) {
        throw new Unsafe("record at " + offset + " unreadable: " + e);
      } finally {
        record.release();
      }
    }
    copied = true;
  }

  private ByteBuf read(int offset, int size) throws IOException, Unsafe {
    ByteBuf buf = Unpooled.buffer(size);
    var nio = buf.nioBuffer(0, size);
    while (nio.hasRemaining()) {
      if (file.read(nio, offset + nio.position()) < 0) {
        buf.release();
        throw new Unsafe("record at " + offset + " past the end of the file");
      }
    }
    buf.writerIndex(size);
    if (buf.getByte(0) != RecordFormat.MARKER
        || buf.getInt(1) != size - RecordFormat.HEADER
        || buf.getInt(5)
            != (int) RecordFormat.crc(buf, RecordFormat.HEADER, size - RecordFormat.HEADER)) {
      buf.release();
      throw new Unsafe("record at " + offset + " fails its checksum");
    }
    return buf;
  }

  /** The copies so far are forced: they are the records now. */
  void forced() {
    unforced.clear();
  }

  /** A write failed: the copies not yet forced are void, their refs go back to the victim. */
  void rollback(SegmentLog log) {
    for (int i = unforced.size() - 1; i >= 0; i--) {
      Move move = unforced.get(i);
      log.unmove(move.ref(), victim, move.from());
    }
    unforced.clear();
    close();
  }

  void close() {
    try {
      file.close();
    } catch (IOException ignored) {
      // read-only
    }
  }

  private static Map<QueueKey, Set<Integer>> readAcks(Path path) throws IOException {
    Map<QueueKey, Set<Integer>> acked = new HashMap<>();
    if (!Files.exists(path)) {
      return acked;
    }
    ByteBuf bytes = Unpooled.wrappedBuffer(Files.readAllBytes(path));
    try {
      if (!RecordFormat.hasFileHeader(bytes, SegmentFiles.ACK_MAGIC)) {
        return acked;
      }
      bytes.skipBytes(RecordFormat.fileHeaderSize());
      RecordScanner scanner = new RecordScanner(bytes);
      while (scanner.next() >= 0) {
        AckRecord record = AckRecord.read(scanner.payload());
        Set<Integer> set = acked.computeIfAbsent(record.queue(), q -> new HashSet<>());
        for (int offset : record.offsets()) {
          set.add(offset);
        }
      }
    } finally {
      bytes.release();
    }
    return acked;
  }
}
