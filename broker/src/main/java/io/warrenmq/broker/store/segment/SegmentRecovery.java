package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.RecoveredMessages;
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
 * Rebuilds each durable queue's unsettled messages from the segments, oldest first, as an index
 * (where each record is; bodies stay on disk until a queue pages them in): a message counts for a
 * queue unless that segment's ack file settles it. Damage never stops recovery: a torn tail is cut,
 * damaged records in the middle are skipped and counted, a segment without a valid header is set
 * aside as {@code .corrupt}. References to queues that no longer exist are settled (acked) so that
 * a later queue of the same name does not inherit them.
 *
 * <p>Runs once, at start, on the starting thread, before the store thread exists.
 */
public final class SegmentRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

  /** What recovery found: messages per queue (in log order), live counts, the next segment. */
  public record Result(
      Map<QueueKey, RecoveredMessages> queues,
      Map<Integer, List<StoreRef>> refs,
      int nextSegment,
      int damagedRecords) {}

  /**
   * A record that returns to queues: where it is, who holds it, and when it was enqueued and the
   * properties its queues order and expire it by.
   */
  private record Candidate(
      int segment,
      StoreRef ref,
      List<QueueKey> targets,
      long enqueuedAt,
      MessageRecord.Hints hints) {}

  private final Path dir;

  /** One instance per queue name, so a million index entries do not each carry their strings. */
  private final Map<QueueKey, QueueKey> keys = new HashMap<>();

  private final TreeMap<Long, Candidate> candidates = new TreeMap<>();
  private final Map<Integer, Integer> liveCounts = new TreeMap<>();
  private final Map<Integer, Map<QueueKey, List<Integer>>> superseded = new HashMap<>();
  private int damaged;

  private SegmentRecovery(Path dir) {
    this.dir = dir;
  }

  /** Recovers {@code dir}; {@code exists} tells which queues still exist. */
  public static Result recover(Path dir, Predicate<QueueKey> exists) throws IOException {
    Files.createDirectories(dir);
    SegmentRecovery recovery = new SegmentRecovery(dir);
    List<Integer> ids = SegmentFiles.list(dir);
    for (int id : ids) {
      recovery.recoverSegment(id, exists);
    }
    int highest = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
    for (int id : SegmentFiles.listAcks(dir)) {
      if (!ids.contains(id)) {
        highest = Math.max(highest, id);
        recovery.segmentMissing(id);
      }
    }
    return recovery.result(highest + 1);
  }

  /**
   * An ack file without its segment: a settled segment's deletion was cut short, or the segment was
   * lost (deleted by hand, a bad disk). Its acks go too, or a new segment of that number would
   * inherit them and lose its messages; the number is not reused either.
   */
  private void segmentMissing(int id) throws IOException {
    LOG.warn(
        "segment {} is missing, only its ack file is left (a deletion cut short by a crash, or"
            + " the segment was lost with its messages): ack file removed",
        id);
    Path acks = SegmentFiles.acks(dir, id);
    Path setAside = SegmentFiles.segment(dir, id).resolveSibling(segmentName(id) + ".corrupt");
    if (Files.exists(setAside)) {
      // Kept beside the damaged segment, for whoever examines it.
      Files.move(acks, acks.resolveSibling(acks.getFileName() + ".corrupt"));
    } else {
      Files.deleteIfExists(acks);
    }
  }

  private static String segmentName(int id) {
    return SegmentFiles.segment(Path.of(""), id).getFileName().toString();
  }

  /**
   * Queues get their messages in origin order (publish order, even for records moved by
   * compaction); segments left with nothing held are deleted.
   */
  private Result result(int next) throws IOException {
    Map<QueueKey, RecoveredMessages> queues = new LinkedHashMap<>();
    Map<Integer, List<StoreRef>> refs = new TreeMap<>();
    for (Candidate candidate : candidates.values()) {
      for (QueueKey queue : candidate.targets()) {
        queues
            .computeIfAbsent(queue, q -> new RecoveredMessages())
            .add(
                candidate.ref(),
                candidate.ref().size(),
                candidate.enqueuedAt(),
                candidate.hints().priority(),
                candidate.hints().expiration());
      }
      refs.computeIfAbsent(candidate.segment(), s -> new ArrayList<>()).add(candidate.ref());
    }
    for (var entry : liveCounts.entrySet()) {
      if (entry.getValue() <= 0) {
        SegmentFiles.delete(dir, entry.getKey());
      } else if (superseded.containsKey(entry.getKey())) {
        settleOrphans(entry.getKey(), superseded.get(entry.getKey()));
      }
    }
    return new Result(queues, refs, next, damaged);
  }

  private void recoverSegment(int id, Predicate<QueueKey> exists) throws IOException {
    Path file = SegmentFiles.segment(dir, id);
    ByteBuf bytes = Unpooled.wrappedBuffer(Files.readAllBytes(file));
    try {
      RecordFormat.requireKnownVersion(
          bytes, SegmentFiles.SEGMENT_MAGIC, file, SegmentFiles.SEGMENT_VERSION);
      if (!RecordFormat.hasFileHeader(
          bytes, SegmentFiles.SEGMENT_MAGIC, SegmentFiles.SEGMENT_VERSION)) {
        setAside(id, file, bytes.readableBytes());
        return;
      }
      bytes.skipBytes(RecordFormat.fileHeaderSize());
      Map<QueueKey, Set<Integer>> acked = readAcks(id);
      Map<QueueKey, List<Integer>> orphans = new HashMap<>();
      RecordScanner scanner = new RecordScanner(bytes);
      liveCounts.put(id, 0);
      for (int offset; (offset = scanner.next()) >= 0; ) {
        recoverRecord(id, offset, scanner.payload(), acked, orphans, exists);
      }
      report(id, file, scanner);
      settleOrphans(id, orphans);
    } finally {
      bytes.release();
    }
  }

  private void recoverRecord(
      int id,
      int offset,
      ByteBuf payload,
      Map<QueueKey, Set<Integer>> acked,
      Map<QueueKey, List<Integer>> orphans,
      Predicate<QueueKey> exists) {
    MessageRecord record;
    MessageRecord.Hints hints;
    try {
      record = MessageRecord.read(payload);
    } catch (RuntimeException e) {
      damaged++;
      return;
    }
    try {
      hints = record.hints();
    } catch (RuntimeException e) {
      hints = MessageRecord.Hints.NONE; // reading it back will tell, and log, if it is damage
    }
    long origin = record.origin() >= 0 ? record.origin() : MessageRecord.origin(id, offset);
    // A crash between a compaction's copy and the deletion of its source leaves two copies: the
    // newer one (later segment) is the record now.
    Candidate older = candidates.remove(origin);
    if (older != null) {
      liveCounts.merge(older.segment(), -older.targets().size(), Integer::sum);
      // Settled in place, so it cannot come back once the newer copy is acked and gone.
      Map<QueueKey, List<Integer>> acks =
          superseded.computeIfAbsent(older.segment(), s -> new HashMap<>());
      older
          .targets()
          .forEach(q -> acks.computeIfAbsent(q, k -> new ArrayList<>()).add(older.ref().offset()));
    }
    List<QueueKey> targets = new ArrayList<>(1);
    for (QueueKey named : record.queues()) {
      QueueKey queue = keys.computeIfAbsent(named, k -> k);
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
      return;
    }
    StoreRef ref =
        new StoreRef(id, offset, RecordFormat.HEADER + payload.readableBytes(), targets.size());
    candidates.put(
        origin, new Candidate(id, ref, List.copyOf(targets), record.enqueuedAt(), hints));
    liveCounts.merge(id, targets.size(), Integer::sum);
  }

  private Map<QueueKey, Set<Integer>> readAcks(int id) throws IOException {
    Map<QueueKey, Set<Integer>> acked = new HashMap<>();
    Path file = SegmentFiles.acks(dir, id);
    if (!Files.exists(file)) {
      return acked;
    }
    ByteBuf bytes = Unpooled.wrappedBuffer(Files.readAllBytes(file));
    try {
      RecordFormat.requireKnownVersion(bytes, SegmentFiles.ACK_MAGIC, file);
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
      damaged++; // the record a crash (or a truncation) cut short
      LOG.warn("{}: cut a torn tail of {} bytes (1 partial record)", file, scanner.tornBytes());
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
