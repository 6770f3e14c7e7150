package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.FileIo;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.broker.store.log.StoreThread;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message log: segments {@code NNNNNNNN.seg} of message records, each with an ack file {@code
 * NNNNNNNN.ack}. Appends go to a write buffer ({@link SegmentWriter}) and reach the active segment
 * at {@link #sync} (the group commit), which forces it; acks are written after the force to the ack
 * file of the segment they settle ({@link SegmentAcks}), not forced (a lost ack only redelivers). A
 * segment whose every queue reference is settled is deleted once it is no longer the active one; a
 * sparse one is compacted in slices ({@link #slice}, see {@link CompactionScheduler}).
 *
 * <p>Failure: when a write or force fails, every record not yet forced is given up (its ref points
 * nowhere, the file is cut back to the last forced size, their acks are dropped) and {@link #sync}
 * throws, so every append of that pass fails (publishers get basic.nack) and the next pass starts
 * clean.
 *
 * <p>Confinement: the store thread (after recovery built it).
 */
public final class SegmentLog
    implements StoreThread.Syncable, StoreThread.Background, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);

  private final Path dir;
  private final long segmentSize;
  private final TreeMap<Integer, Segment> segments = new TreeMap<>();
  private final List<StoreRef> unforcedRefs = new ArrayList<>();
  private final SegmentWriter writer;
  private final SegmentReader reader;
  private final SegmentAcks acks;
  private final CompactionScheduler compaction;
  private Segment activeSegment;
  private IOException failure;

  /**
   * Opens the log after recovery: {@code refs} are the unsettled records of the recovered segments;
   * appends go to a new segment numbered {@code nextId}.
   */
  public SegmentLog(
      Path dir, long segmentSize, Map<Integer, ? extends Collection<StoreRef>> refs, int nextId)
      throws IOException {
    this(dir, segmentSize, refs, nextId, FileIo.DIRECT);
  }

  /** As above, writing through {@code io} (tests inject faults). */
  public SegmentLog(
      Path dir,
      long segmentSize,
      Map<Integer, ? extends Collection<StoreRef>> refs,
      int nextId,
      FileIo io)
      throws IOException {
    this.dir = dir;
    this.segmentSize = segmentSize;
    this.writer = new SegmentWriter(dir, io);
    this.reader = new SegmentReader(dir);
    this.acks = new SegmentAcks(dir, io);
    this.compaction = new CompactionScheduler(dir);
    for (var entry : refs.entrySet()) {
      Segment segment = new Segment(entry.getKey());
      entry.getValue().forEach(segment::add);
      segment.size = Files.size(SegmentFiles.segment(dir, segment.id));
      segments.put(segment.id, segment);
    }
    openSegment(nextId);
  }

  /**
   * Compacts a segment once its held bytes fall below {@code liveShare} of its size, no sooner than
   * {@code afterNanos} after it stopped being the active one.
   */
  public void compactionPolicy(double liveShare, long afterNanos) {
    compaction.policy(liveShare, afterNanos);
  }

  /** Buffers a record of {@code message} for {@code queues}, enqueued now, and locates its ref. */
  public void append(String vhost, List<String> queues, Message message) throws IOException {
    append(vhost, queues, message, System.currentTimeMillis());
  }

  /**
   * Buffers a record of {@code message} for {@code queues}, enqueued at {@code enqueuedAt} (epoch
   * ms: its TTLs count from then), and locates its ref.
   */
  public void append(String vhost, List<String> queues, Message message, long enqueuedAt)
      throws IOException {
    long position = positionFor(MessageRecord.estimate(queues, message));
    int start = writer.beginRecord();
    MessageRecord.write(writer.buffer(), vhost, queues, message, enqueuedAt);
    StoreRef ref = message.storeRef();
    place(ref, position, writer.endRecord(start), queues.size());
    unforcedRefs.add(ref);
    flushIfFull();
  }

  /** Compaction: buffers a moved copy of a record and relocates {@code ref} to it. */
  void appendMoved(long origin, List<QueueKey> queues, long enqueuedAt, ByteBuf rest, StoreRef ref)
      throws IOException {
    long position = positionFor(rest.readableBytes() + queues.size() * 260 + 72);
    int start = writer.beginRecord();
    MessageRecord.writeMoved(writer.buffer(), origin, queues, enqueuedAt, rest);
    place(ref, position, writer.endRecord(start), ref.holders());
    flushIfFull();
  }

  private long positionFor(int estimate) throws IOException {
    long position = writer.position();
    if (position > RecordFormat.fileHeaderSize() && position + estimate > segmentSize) {
      roll();
      position = writer.size();
    }
    return position;
  }

  private void place(StoreRef ref, long position, int size, int holders) {
    ref.locate(writer.id(), (int) position);
    ref.written(size, holders);
    activeSegment.add(ref);
  }

  private void flushIfFull() throws IOException {
    if (writer.isFull()) {
      flushBuffer();
    }
  }

  /** Settles {@code queue}'s reference to the message at {@code ref}. */
  public void ack(QueueKey queue, StoreRef ref) throws IOException {
    Segment segment = segments.get(ref.segment());
    if (segment == null || segment.refs.get(ref.offset()) != ref) {
      return; // never written (failed append) or its segment is already gone
    }
    acks.add(segment.id, queue, ref.offset());
    compaction.acked(segment.id, queue, ref.offset());
    segment.live--;
    if (ref.release() <= 0) {
      segment.refs.remove(ref.offset());
      segment.liveBytes -= ref.size();
    }
    if (segment.live <= 0 && segment.id != writer.id() && !compaction.isVictim(segment.id)) {
      deleteSegment(segment.id);
    }
  }

  /**
   * Reads back the message a queue paged out (a new {@link Message} on the same ref, body from
   * {@code alloc}); null when no record is held there (its append failed) or it cannot be read.
   */
  public Message read(StoreRef ref, ByteBufAllocator alloc) throws IOException {
    Segment segment = segments.get(ref.segment());
    if (segment == null || segment.refs.get(ref.offset()) != ref) {
      return null;
    }
    if (segment.id == writer.id() && ref.offset() + ref.size() > writer.size()) {
      flushBuffer(); // still in the write buffer; the pass's sync forces it as usual
    }
    return reader.read(ref, alloc);
  }

  /** The segments on disk, oldest first (tests, management). */
  public List<Integer> segments() {
    return List.copyOf(segments.keySet());
  }

  /** The bytes of the segment files (tests, management). */
  public long diskBytes() {
    long total = 0;
    for (Segment segment : segments.values()) {
      total += segment.id == writer.id() ? writer.size() : segment.size;
    }
    return total;
  }

  /**
   * One bounded slice of compaction (at most ~1 MiB or 2 ms of copying), run by the store thread
   * between group-commit passes; the copies are forced by the pass's sync, which then deletes the
   * compacted segment. True when it did any work.
   */
  @Override
  public boolean slice() throws IOException {
    return compaction.slice(this, segments.values(), writer.id(), acks);
  }

  @Override
  public boolean sync() throws IOException {
    boolean forcedNow = syncForCompletions();
    afterPass();
    return forcedNow;
  }

  /**
   * Writes and forces the buffered records: what a confirm waits for. On failure the acks are
   * written at once (the cut records' acks are already dropped) and the error is thrown.
   */
  @Override
  public boolean syncForCompletions() throws IOException {
    boolean forcedNow = false;
    if (failure == null) {
      try {
        flushBuffer();
        if (writer.isUnforced()) {
          writer.force();
          forced();
          forcedNow = true;
        }
      } catch (IOException e) {
        fail(e);
      }
    }
    if (failure != null) {
      IOException error = failure;
      fail(error); // records buffered after the failure of this pass go too
      failure = null;
      acks.flush();
      throw error;
    }
    return forcedNow;
  }

  /**
   * After the pass's confirms went out: writes the pass's acks (after the force, so an ack only
   * names a forced record) and deletes a segment whose compaction the force completed.
   */
  @Override
  public void afterPass() throws IOException {
    acks.flush();
    finishCompaction();
  }

  /** The writer forced the active segment: its records are safe, its moved copies final. */
  private void forced() {
    unforcedRefs.clear();
    compaction.forced();
  }

  /** Gives up every record not yet forced (see the class comment). */
  private void fail(IOException error) {
    if (failure == null) {
      failure = error;
    }
    for (StoreRef ref : unforcedRefs) {
      Segment segment = segments.get(ref.segment());
      if (segment != null) {
        segment.remove(ref);
      }
      ref.locate(0, 0);
    }
    unforcedRefs.clear();
    compaction.rollback(this);
    acks.dropFrom(writer.id(), (int) writer.forcedSize());
    writer.cutBack();
  }

  /** Puts a moved ref back where it came from (compaction rollback). */
  void unmove(StoreRef ref, Segment from, int offset) {
    Segment to = segments.get(ref.segment());
    if (to != null) {
      to.remove(ref);
    }
    ref.locate(from.id, offset);
    from.add(ref);
  }

  private void finishCompaction() throws IOException {
    if (writer.isUnforced()) {
      return;
    }
    Segment victim = compaction.finish();
    if (victim != null && segments.get(victim.id) == victim && victim.refs.isEmpty()) {
      LOG.debug("compacted segment {}: {} bytes freed", victim.id, victim.size);
      deleteSegment(victim.id);
    }
  }

  private void flushBuffer() throws IOException {
    try {
      writer.flush();
    } catch (IOException e) {
      fail(e);
      throw e;
    }
  }

  private void roll() throws IOException {
    flushBuffer();
    try {
      writer.force();
    } catch (IOException e) {
      fail(e);
      throw e;
    }
    forced();
    Segment previous = activeSegment;
    openSegment(writer.id() + 1);
    previous.inactiveSince = System.nanoTime();
    if (previous.live <= 0 && !compaction.isVictim(previous.id)) {
      deleteSegment(previous.id);
    }
  }

  /** Appends to a new segment {@code id} from now on; the previous one keeps its final size. */
  private void openSegment(int id) throws IOException {
    long previousSize = writer.size();
    FileChannel previousFile = writer.open(id);
    if (activeSegment != null) {
      activeSegment.size = previousSize;
    }
    activeSegment = new Segment(id);
    segments.put(id, activeSegment);
    if (previousFile != null) {
      previousFile.close();
    }
  }

  private void deleteSegment(int segment) throws IOException {
    segments.remove(segment);
    acks.forget(segment);
    reader.forget(segment);
    SegmentFiles.delete(dir, segment);
    LOG.debug("deleted settled segment {}", segment);
  }

  @Override
  public void close() throws IOException {
    try {
      sync();
    } finally {
      writer.close();
      reader.close();
      acks.close();
      compaction.close();
    }
  }

  /** Drops everything without writing (tests: the process died, as with kill -9). */
  void abandon() throws IOException {
    writer.close();
    reader.close();
    acks.close();
    compaction.close();
  }

  /** A growable list of record offsets. */
  static final class Offsets {
    int[] values = new int[8];
    int size;

    void add(int offset) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = offset;
    }

    /** Drops the offsets at or after {@code end} (records cut after a failed write). */
    void dropFrom(int end) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (values[i] < end) {
          values[kept++] = values[i];
        }
      }
      size = kept;
    }
  }
}
