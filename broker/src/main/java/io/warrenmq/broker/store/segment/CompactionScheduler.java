package io.warrenmq.broker.store.segment;

import io.warrenmq.broker.store.QueueKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which segment to compact and runs one {@link Compaction} at a time, in bounded slices
 * between group-commit passes. A segment qualifies once it has been inactive long enough and the
 * bytes its records still hold fall below a share of its size; one found unsafe to compact is left
 * alone while the log is open (it is still deleted once settled).
 *
 * <p>Confinement: the store thread.
 */
final class CompactionScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(CompactionScheduler.class);
  private static final long SLICE_BYTES = 1 << 20;
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private final Path dir;
  private final Set<Integer> uncompactable = new HashSet<>();
  private double compactBelow = 0.5;
  private long compactAfterNanos = TimeUnit.SECONDS.toNanos(1);
  private Compaction running;

  CompactionScheduler(Path dir) {
    this.dir = dir;
  }

  /** See {@link SegmentLog#compactionPolicy}. */
  void policy(double liveShare, long afterNanos) {
    this.compactBelow = liveShare;
    this.compactAfterNanos = afterNanos;
  }

  /** True while {@code segment} is being compacted: the log keeps it even once settled. */
  boolean isVictim(int segment) {
    return running != null && running.victim().id == segment;
  }

  /** {@code queue} settled the record at {@code offset} of {@code segment}. */
  void acked(int segment, QueueKey queue, int offset) {
    if (running != null) {
      running.acked(segment, queue, offset);
    }
  }

  /**
   * One slice of copying (at most ~1 MiB or 2 ms) into {@code log}, starting a compaction when a
   * segment qualifies. True when it did any work.
   */
  boolean slice(SegmentLog log, Collection<Segment> segments, int activeId, SegmentAcks acks)
      throws IOException {
    if (running == null) {
      Segment victim = pickVictim(segments, activeId);
      if (victim == null) {
        return false;
      }
      running = Compaction.start(dir, victim, acks.pending(victim.id));
    }
    if (running.copied()) {
      return false;
    }
    try {
      running.step(log, SLICE_BYTES, System.nanoTime() + SLICE_NANOS);
    } catch (Compaction.Unsafe e) {
      LOG.warn("segment {} not compacted: {}", running.victim().id, e.getMessage());
      uncompactable.add(running.victim().id);
      running.close();
      running = null;
    }
    return true;
  }

  private Segment pickVictim(Collection<Segment> segments, int activeId) {
    long now = System.nanoTime();
    for (Segment segment : segments) {
      if (segment.id != activeId
          && segment.live > 0
          && segment.liveBytes < segment.size * compactBelow
          && now - segment.inactiveSince >= compactAfterNanos
          && !uncompactable.contains(segment.id)) {
        return segment;
      }
    }
    return null;
  }

  /** The log forced the active segment: the copies so far are the records now. */
  void forced() {
    if (running != null) {
      running.forced();
    }
  }

  /** A write failed: the copies not yet forced are void and the compaction is abandoned. */
  void rollback(SegmentLog log) {
    if (running != null) {
      running.rollback(log);
      running = null;
    }
  }

  /**
   * Ends a compaction whose every copy is forced (call only when nothing is unforced): returns its
   * victim, for the log to delete; null when none is finished.
   */
  Segment finish() {
    if (running == null || !running.copied()) {
      return null;
    }
    Segment victim = running.victim();
    running.close();
    running = null;
    return victim;
  }

  void close() {
    if (running != null) {
      running.close();
    }
  }
}
