package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.queue.Message;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds each durable queue's unsettled messages from the segments, oldest first: a message
 * counts for a queue unless that segment's ack file settles it. Damage never stops recovery: a torn
 * tail is cut, damaged records in the middle are skipped and counted, a segment without a valid
 * header is set aside as {@code .corrupt}. References to queues that no longer exist are settled
 * (acked) so that a later queue of the same name does not inherit them.
 *
 * <p>Runs once, at start, on the starting thread, before the store thread exists.
 */
public final class SegmentRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

  /** What recovery found: messages per queue (in log order), live counts, the next segment. */
  public record Result(
      Map<QueueKey, List<Message>> queues,
      Map<Integer, Integer> liveCounts,
      int nextSegment,
      int damagedRecords) {}

  private final Path dir;
  private final ByteBufAllocator alloc;
  private final Map<QueueKey, List<Message>> queues = new LinkedHashMap<>();
  private final Map<Integer, Integer> liveCounts = new TreeMap<>();
  private int damaged;

  private SegmentRecovery(Path dir, ByteBufAllocator alloc) {
    this.dir = dir;
    this.alloc = alloc;
  }

  /** Recovers {@code dir}; {@code exists} tells which queues still exist. */
  public static Result recover(Path dir, Predicate<QueueKey> exists, ByteBufAllocator alloc)
      throws IOException {
    Files.createDirectories(dir);
    SegmentRecovery recovery = new SegmentRecovery(dir, alloc);
    List<Integer> ids = SegmentFiles.list(dir);
    for (int id : ids) {
      recovery.recoverSegment(id, exists);
    }
    int next = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
    return new Result(recovery.queues, recovery.liveCounts, next, recovery.damaged);
  }

  private void recoverSegment(int id, Predicate<QueueKey> exists) throws IOException {
    Path file = SegmentFiles.segment(dir, id);
    ByteBuf bytes = Unpooled.wrappedBuffer(Files.readAllBytes(file));
    try {
      if (!RecordFormat.hasFileHeader(bytes, SegmentFiles.SEGMENT_MAGIC)) {
        setAside(id, file, bytes.readableBytes());
        return;
      }
      bytes.skipBytes(RecordFormat.fileHeaderSize());
      Map<QueueKey, Set<Integer>> acked = readAcks(id);
      Map<QueueKey, List<Integer>> orphans = new HashMap<>();
      RecordScanner scanner = new RecordScanner(bytes);
      int live = 0;
      for (int offset; (offset = scanner.next()) >= 0; ) {
        live += recoverRecord(id, offset, scanner.payload(), acked, orphans, exists);
      }
      report(id, file, scanner);
      if (live == 0) {
        SegmentFiles.delete(dir, id);
      } else {
        liveCounts.put(id, live);
        settleOrphans(id, orphans);
      }
    } finally {
      bytes.release();
    }
  }

  private int recoverRecord(
      int id,
      int offset,
      ByteBuf payload,
      Map<QueueKey, Set<Integer>> acked,
      Map<QueueKey, List<Integer>> orphans,
      Predicate<QueueKey> exists) {
    MessageRecord record;
    try {
      record = MessageRecord.read(payload);
    } catch (RuntimeException e) {
      damaged++;
      return 0;
    }
    List<QueueKey> targets = new ArrayList<>();
    for (QueueKey queue : record.queues()) {
      if (acked.getOrDefault(queue, Set.of()).contains(offset)) {
        continue;
      }
      if (exists.test(queue)) {
        targets.add(queue);
      } else {
        orphans.computeIfAbsent(queue, q -> new ArrayList<>()).add(offset);
      }
    }
    if (targets.isEmpty()) {
      return 0;
    }
    Message message;
    try {
      message = record.toMessage(alloc, new StoreRef(id, offset));
    } catch (RuntimeException e) {
      damaged++;
      return 0;
    }
    // Each queue holds its own reference (STYLE §7).
    for (int i = 1; i < targets.size(); i++) {
      message.retain();
    }
    for (QueueKey queue : targets) {
      queues.computeIfAbsent(queue, q -> new ArrayList<>()).add(message);
    }
    return targets.size();
  }

  private Map<QueueKey, Set<Integer>> readAcks(int id) throws IOException {
    Map<QueueKey, Set<Integer>> acked = new HashMap<>();
    Path file = SegmentFiles.acks(dir, id);
    if (!Files.exists(file)) {
      return acked;
    }
    ByteBuf bytes = Unpooled.wrappedBuffer(Files.readAllBytes(file));
    try {
      if (!RecordFormat.hasFileHeader(bytes, SegmentFiles.ACK_MAGIC)) {
        LOG.warn("ack file {} has no valid header; its acks are lost (redelivery)", file);
        return acked;
      }
      bytes.skipBytes(RecordFormat.fileHeaderSize());
      RecordScanner scanner = new RecordScanner(bytes);
      while (scanner.next() >= 0) {
        AckRecord record = AckRecord.read(scanner.payload());
        Set<Integer> offsets = acked.computeIfAbsent(record.queue(), q -> new HashSet<>());
        for (int offset : record.offsets()) {
          offsets.add(offset);
        }
      }
      report(id, file, scanner);
    } finally {
      bytes.release();
    }
    return acked;
  }

  private void report(int id, Path file, RecordScanner scanner) throws IOException {
    if (scanner.damagedRegions() > 0) {
      damaged += scanner.damagedRegions();
      LOG.warn(
          "{}: skipped {} damaged record(s) ({} bytes)",
          file,
          scanner.damagedRegions(),
          scanner.damagedBytes());
    }
    if (scanner.tornBytes() > 0) {
      LOG.warn("{}: cut a torn tail of {} bytes", file, scanner.tornBytes());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(scanner.validEnd());
        channel.force(false);
      }
    }
  }

  private void settleOrphans(int id, Map<QueueKey, List<Integer>> orphans) throws IOException {
    if (orphans.isEmpty()) {
      return;
    }
    ByteBuf out = Unpooled.buffer();
    try (FileChannel acks =
        SegmentFiles.openAppend(SegmentFiles.acks(dir, id), SegmentFiles.ACK_MAGIC)) {
      for (var entry : orphans.entrySet()) {
        int[] offsets = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
        int start = RecordFormat.begin(out);
        AckRecord.write(out, entry.getKey(), offsets, offsets.length);
        RecordFormat.end(out, start);
      }
      SegmentFiles.writeFully(acks, out);
    } finally {
      out.release();
    }
  }

  private void setAside(int id, Path file, int size) throws IOException {
    damaged++;
    if (size < RecordFormat.fileHeaderSize() && size >= 0) {
      LOG.warn("{}: empty or torn header ({} bytes), removed", file, size);
      SegmentFiles.delete(dir, id);
      return;
    }
    Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
    LOG.error("{}: no valid segment header, moved to {}", file, aside);
    Files.move(file, aside);
  }
}
