package io.warrenmq.broker.store.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.FileIo;
import io.warrenmq.model.generated.BasicProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Compaction of sparse segments and the log's behaviour when writes or forces fail. */
@Timeout(60)
class SegmentCompactionTest {
  private static final QueueKey Q1 = new QueueKey("/", "q1");
  private static final QueueKey Q2 = new QueueKey("/", "q2");
  private static final int SEGMENT = 64 * 1024;

  @TempDir Path dir;

  /** A FileIo whose writes or forces fail while {@code failing} is set. */
  private static final class FaultyIo implements FileIo {
    boolean failWrites;
    boolean failForces;

    @Override
    public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
      if (failWrites) {
        // Half the bytes reach the file, then the disk is full.
        ByteBuffer half = bytes.duplicate();
        half.limit(half.position() + half.remaining() / 2);
        FileIo.DIRECT.write(channel, half);
        throw new IOException("No space left on device");
      }
      FileIo.DIRECT.write(channel, bytes);
    }

    @Override
    public void force(FileChannel channel) throws IOException {
      if (failForces) {
        throw new IOException("Input/output error");
      }
      FileIo.DIRECT.force(channel);
    }
  }

  private static Message message(String body) {
    return new Message(
        "ex",
        "key",
        BasicProperties.builder().deliveryMode(2).build(),
        Unpooled.copiedBuffer(body + "x".repeat(1000), StandardCharsets.UTF_8),
        new StoreRef());
  }

  private List<StoreRef> write(SegmentLog log, List<String> queues, int from, int count)
      throws IOException {
    List<StoreRef> refs = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Message message = message("m" + i + ":");
      log.append("/", queues, message);
      refs.add(message.storeRef());
      message.release();
      if (i % 50 == 0) {
        log.sync();
      }
    }
    log.sync();
    return refs;
  }

  private SegmentRecovery.Result recover() throws IOException {
    return SegmentRecovery.recover(dir, q -> true);
  }

  private List<String> bodies(SegmentRecovery.Result result, QueueKey queue) {
    List<String> bodies = new ArrayList<>();
    for (Message message : Recovered.messages(dir, result, queue)) {
      String body = message.body().toString(StandardCharsets.UTF_8);
      bodies.add(body.substring(0, body.indexOf(':')));
      message.release();
    }
    return bodies;
  }

  private SegmentLog open(FileIo io) throws IOException {
    SegmentRecovery.Result result = recover();
    SegmentLog log = new SegmentLog(dir, SEGMENT, result.refs(), result.nextSegment(), io);
    log.compactionPolicy(0.5, 0);
    return log;
  }

  private static void compactAll(SegmentLog log) throws IOException {
    for (int i = 0; i < 10_000 && log.slice(); i++) {
      log.sync();
    }
    log.sync();
  }

  private long diskUsage() throws IOException {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  @Test
  void compactionFreesSparseSegmentsAndSurvivorsComeBackInOrder() throws IOException {
    SegmentLog log = open(FileIo.DIRECT);
    List<StoreRef> refs = write(log, List.of("q1", "q2"), 0, 600);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (i % 97 == 3) {
        expected.add("m" + i); // survivors, held by q1 only
      } else {
        log.ack(Q1, refs.get(i));
      }
      log.ack(Q2, refs.get(i));
    }
    log.sync();
    int segmentsBefore = log.segments().size();
    long before = diskUsage();
    assertThat(segmentsBefore).isGreaterThan(5);

    compactAll(log);
    long after = diskUsage();
    assertThat(after).isLessThan(before / 3);
    assertThat(log.segments().size()).isLessThan(segmentsBefore);
    // The queues' refs moved with their records: acking one through its old ref object works.
    log.ack(Q1, refs.get(3));
    expected.remove("m3");
    log.sync();
    // No close: the process dies here (kill -9 keeps what was written and forced).
    log.abandon();
    assertThat(bodies(recover(), Q1)).containsExactlyElementsOf(expected);
    assertThat(bodies(recover(), Q2)).isEmpty();

    // And after a clean restart, compacting again (moved records move again) keeps them.
    SegmentLog again = open(FileIo.DIRECT);
    again.close();
    assertThat(bodies(recover(), Q1)).containsExactlyElementsOf(expected);
  }

  /** Paging reads records through the refs the queues hold; compaction must keep them valid. */
  @Test
  void pagedOutRefsReadBackAfterTheirRecordsMoved() throws IOException {
    SegmentLog log = open(FileIo.DIRECT);
    List<StoreRef> refs = write(log, List.of("q1"), 0, 400);
    List<StoreRef> held = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (i % 50 == 7) {
        held.add(refs.get(i));
      } else {
        log.ack(Q1, refs.get(i));
      }
    }
    log.sync();
    List<Integer> segmentsBefore = log.segments();
    compactAll(log);
    assertThat(log.segments().get(0)).isGreaterThan(segmentsBefore.get(0));
    // Appended but not yet synced: still in the write buffer when it is read.
    Message fresh = message("fresh:");
    log.append("/", List.of("q1"), fresh);
    fresh.release();
    held.add(fresh.storeRef());

    List<String> read = new ArrayList<>();
    for (StoreRef ref : held) {
      Message message = log.read(ref, ByteBufAllocator.DEFAULT);
      String body = message.body().toString(StandardCharsets.UTF_8);
      read.add(body.substring(0, body.indexOf(':')));
      assertThat(message.storeRef()).isSameAs(ref);
      message.release();
    }
    assertThat(read)
        .containsExactly("m7", "m57", "m107", "m157", "m207", "m257", "m307", "m357", "fresh");
    // An acked ref reads as nothing.
    assertThat(log.read(refs.get(0), ByteBufAllocator.DEFAULT)).isNull();
    log.close();
  }

  @Test
  void crashBetweenCopyAndDeletionKeepsEachSurvivorOnce() throws IOException {
    SegmentLog log = open(FileIo.DIRECT);
    List<StoreRef> refs = write(log, List.of("q1"), 0, 200);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (i % 40 == 1) {
        expected.add("m" + i);
      } else {
        log.ack(Q1, refs.get(i));
      }
    }
    log.sync();
    Path backup = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-backup"));
    for (int id : log.segments()) {
      copy(SegmentFiles.segment(dir, id), backup);
      copy(SegmentFiles.acks(dir, id), backup);
    }
    compactAll(log);
    log.abandon();
    // The deletions were lost (power cut before the directory reached the disk): old files back.
    try (var files = Files.list(backup)) {
      for (Path file : files.toList()) {
        if (!Files.exists(dir.resolve(file.getFileName()))) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
    }
    assertThat(bodies(recover(), Q1)).containsExactlyElementsOf(expected);
    // Recovery settled the older copies: once the new ones are acked nothing comes back.
    SegmentRecovery.Result result = recover();
    SegmentLog reopened = new SegmentLog(dir, SEGMENT, result.refs(), result.nextSegment());
    for (var segmentRefs : result.refs().values()) {
      for (StoreRef ref : segmentRefs) {
        reopened.ack(Q1, ref);
      }
    }
    reopened.close();
    assertThat(bodies(recover(), Q1)).isEmpty();
  }

  private static void copy(Path file, Path to) throws IOException {
    if (Files.exists(file)) {
      Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void failedWriteFailsThePassAndLosesNothingConfirmed() throws IOException {
    FaultyIo io = new FaultyIo();
    SegmentLog log = open(io);
    List<StoreRef> confirmed = write(log, List.of("q1"), 0, 10);
    io.failWrites = true;
    Message lost = message("lost:");
    log.append("/", List.of("q1"), lost);
    lost.release();
    assertThatThrownBy(log::sync).hasMessageContaining("No space");
    assertThat(lost.storeRef().segment()).isZero();
    log.ack(Q1, lost.storeRef()); // an ack of a record that never made it is ignored
    io.failWrites = false;
    log.ack(Q1, confirmed.get(0));
    write(log, List.of("q1"), 10, 5);
    log.abandon();
    assertThat(bodies(recover(), Q1))
        .containsExactly(
            "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12", "m13",
            "m14");
  }

  @Test
  void failedForceFailsThePassAndTheLogKeepsWorking() throws IOException {
    FaultyIo io = new FaultyIo();
    SegmentLog log = open(io);
    write(log, List.of("q1"), 0, 3);
    io.failForces = true;
    Message failed = message("failed:");
    log.append("/", List.of("q1"), failed);
    log.ack(Q1, failed.storeRef()); // acked before the failure: the ack must not survive it
    failed.release();
    assertThatThrownBy(log::sync).hasMessageContaining("Input/output");
    io.failForces = false;
    write(log, List.of("q1"), 3, 2);
    log.close();
    assertThat(bodies(recover(), Q1)).containsExactly("m0", "m1", "m2", "m3", "m4");
  }
}
