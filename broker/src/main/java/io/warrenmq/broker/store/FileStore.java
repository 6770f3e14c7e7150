package io.warrenmq.broker.store;

import io.warrenmq.broker.store.definitions.Definitions;
import io.warrenmq.broker.store.definitions.DefinitionsLog;
import io.warrenmq.broker.store.definitions.FileTopologyStore;
import io.warrenmq.broker.store.log.FileIo;
import io.warrenmq.broker.store.log.StoreThread;
import io.warrenmq.broker.store.segment.SegmentLog;
import io.warrenmq.broker.store.segment.SegmentMessageStore;
import io.warrenmq.broker.store.segment.SegmentRecovery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's store under its data directory: {@code definitions.log} and the message log in
 * {@code msgs/}, both written by one store thread with group commit. Lifecycle: {@link #open}
 * replays the definitions, {@link #start} recovers the messages of the queues that still exist and
 * starts the thread, {@link #close} syncs and stops it.
 */
public final class FileStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

  /** 32 MiB segments, as lavinmq's default; settled ones are deleted whole. */
  public static final long SEGMENT_SIZE = 32L * 1024 * 1024;

  private final Path dataDir;
  private final DefinitionsLog definitionsLog;
  private SegmentLog segmentLog;
  private StoreThread thread;
  private FileTopologyStore topology;
  private SegmentMessageStore messages;
  private static volatile FileIo defaultIo = FileIo.DIRECT;
  private FileIo io = defaultIo;

  private FileStore(Path dataDir, DefinitionsLog definitionsLog) {
    this.dataDir = dataDir;
    this.definitionsLog = definitionsLog;
  }

  /** Replays (and compacts) the definitions under {@code dataDir}. */
  public static FileStore open(Path dataDir) throws IOException {
    return new FileStore(dataDir, DefinitionsLog.open(dataDir));
  }

  /**
   * Test seam: stores opened from now on write their message log through {@code io} (fault
   * injection in integration tests); {@code null} restores direct writes.
   */
  public static void ioForTesting(FileIo io) {
    defaultIo = io == null ? FileIo.DIRECT : io;
  }

  /** Test seam: the message log writes through {@code io} (fault injection); before start. */
  public FileStore withIo(FileIo io) {
    this.io = io;
    return this;
  }

  /** The durable definitions to declare at start. */
  public Definitions definitions() {
    return definitionsLog.definitions();
  }

  /**
   * Recovers the persistent messages of the queues in {@link #definitions()} and starts the store
   * thread; returns each queue's messages in log order, as an index (bodies stay on disk).
   */
  public Map<QueueKey, RecoveredMessages> start() throws IOException {
    var queues = definitions().queues().keySet();
    long began = System.nanoTime();
    SegmentRecovery.Result recovered =
        SegmentRecovery.recover(dataDir.resolve("msgs"), queues::contains);
    segmentLog =
        new SegmentLog(
            dataDir.resolve("msgs"),
            Long.getLong("warrenmq.store.segment_size", SEGMENT_SIZE),
            recovered.refs(),
            recovered.nextSegment(),
            io);
    thread = new StoreThread("warren-store", List.of(definitionsLog, segmentLog), segmentLog);
    topology = new FileTopologyStore(thread, definitionsLog);
    messages = new SegmentMessageStore(thread, segmentLog);
    thread.start();
    int count = recovered.queues().values().stream().mapToInt(RecoveredMessages::size).sum();

    LOG.info(
        "store {}: {} durable queue(s), {} message reference(s) recovered in {} ms{}",
        dataDir,
        queues.size(),
        count,
        (System.nanoTime() - began) / 1_000_000,
        recovered.damagedRecords() > 0
            ? ", " + recovered.damagedRecords() + " damaged record(s) dropped"
            : "");
    return recovered.queues();
  }

  public FileTopologyStore topology() {
    return topology;
  }

  public MessageStore messages() {
    return messages;
  }

  /** The group commit's fsync count so far. */
  public long fsyncCount() {
    return thread == null ? 0 : thread.fsyncCount();
  }

  /** Writes what is queued, forces it and closes the files. */
  @Override
  public void close() {
    if (thread != null) {
      thread.close();
    }
    try {
      if (segmentLog != null) {
        segmentLog.close();
      }
      definitionsLog.close();
    } catch (IOException e) {
      LOG.error("closing the store failed", e);
    }
  }
}
