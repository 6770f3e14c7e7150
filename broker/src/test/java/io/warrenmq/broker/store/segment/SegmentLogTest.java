package io.warrenmq.broker.store.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.model.generated.BasicProperties;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SegmentLogTest {
  private static final QueueKey Q1 = new QueueKey("/", "q1");
  private static final QueueKey Q2 = new QueueKey("/", "q2");

  @TempDir Path dir;

  private static Message message(String body) {
    return new Message(
        "ex",
        "key",
        BasicProperties.builder().deliveryMode(2).contentType("text/plain").build(),
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8),
        new StoreRef());
  }

  /** Appends {@code bodies} to q1 (and q2 when {@code both}); returns their refs. */
  private List<StoreRef> write(SegmentLog log, boolean both, String... bodies) throws IOException {
    List<StoreRef> refs = new ArrayList<>();
    for (String body : bodies) {
      Message message = message(body);
      log.append("/", both ? List.of("q1", "q2") : List.of("q1"), message);
      refs.add(message.storeRef());
      message.release();
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
      bodies.add(message.body().toString(StandardCharsets.UTF_8));
      assertThat(message.properties().deliveryMode()).isEqualTo(2);
      assertThat(message.exchange()).isEqualTo("ex");
      message.release();
    }
    return bodies;
  }

  private SegmentLog open(long segmentSize) throws IOException {
    SegmentRecovery.Result result = recover();
    return new SegmentLog(dir, segmentSize, result.refs(), result.nextSegment());
  }

  @Test
  void recoversUnackedMessagesInOrderAndSharedOnce() throws IOException {
    SegmentLog log = open(1 << 20);
    List<StoreRef> refs = write(log, true, "a", "b", "c");
    log.ack(Q1, refs.get(1));
    log.ack(Q2, refs.get(0));
    log.close();
    SegmentRecovery.Result result = recover();
    assertThat(bodies(result, Q1)).containsExactly("a", "c");
    assertThat(bodies(result, Q2)).containsExactly("b", "c");
    assertThat(result.damagedRecords()).isZero();
  }

  @Test
  void fullySettledSegmentsAreDeleted() throws IOException {
    SegmentLog log = open(4096);
    List<StoreRef> refs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      refs.addAll(write(log, false, "x".repeat(200) + i));
    }
    assertThat(log.segments().size()).isGreaterThan(2);
    int first = log.segments().get(0);
    for (int i = 0; i < 40; i++) {
      log.ack(Q1, refs.get(i));
    }
    log.sync();
    assertThat(log.segments().get(0)).isGreaterThan(first);
    assertThat(Files.exists(SegmentFiles.segment(dir, first))).isFalse();
    log.close();
    List<String> left = bodies(recover(), Q1);
    assertThat(left).hasSize(10);
    assertThat(left.get(0)).endsWith("40");
  }

  @Test
  void tornTailIsCut() throws IOException {
    SegmentLog log = open(1 << 20);
    write(log, false, "one", "two", "three");
    log.close();
    Path segment = SegmentFiles.segment(dir, 1);
    long size = Files.size(segment);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(size - 3); // a write cut short by a crash
    }
    SegmentRecovery.Result result = recover();
    assertThat(bodies(result, Q1)).containsExactly("one", "two");
    assertThat(Files.size(segment)).isLessThan(size - 3);
    // Appending after the cut works, and the cut stays clean.
    SegmentLog again = new SegmentLog(dir, 1 << 20, result.refs(), result.nextSegment());
    write(again, false, "four");
    again.close();
    assertThat(bodies(recover(), Q1)).containsExactly("one", "two", "four");
  }

  @Test
  void corruptMiddleRecordLosesOnlyThatRecord() throws IOException {
    SegmentLog log = open(1 << 20);
    List<StoreRef> refs = write(log, false, "first", "second", "third");
    log.close();
    flipByte(SegmentFiles.segment(dir, 1), refs.get(1).offset() + 20);
    SegmentRecovery.Result result = recover();
    assertThat(bodies(result, Q1)).containsExactly("first", "third");
    assertThat(result.damagedRecords()).isEqualTo(1);
    // The record after the damage still reads back through its ref (paging).
    assertThat(result.queues().get(Q1).ref(1).offset()).isEqualTo(refs.get(2).offset());
  }

  @Test
  void corruptLengthResynchronisesOnTheNextRecord() throws IOException {
    SegmentLog log = open(1 << 20);
    List<StoreRef> refs = write(log, false, "first", "second", "third", "fourth");
    log.close();
    Path segment = SegmentFiles.segment(dir, 1);
    for (int i = 1; i <= 4; i++) {
      flipByte(segment, refs.get(1).offset() + i); // the length field itself
    }
    assertThat(bodies(recover(), Q1)).containsExactly("first", "third", "fourth");
  }

  @Test
  void deletedNewestSegmentLosesOnlyItsMessages() throws IOException {
    SegmentLog log = open(2048);
    List<StoreRef> refs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      refs.addAll(write(log, false, "y".repeat(300) + i));
    }
    List<Integer> segments = log.segments();
    int newest = segments.get(segments.size() - 1);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i).segment() != newest) {
        expected.add("y".repeat(300) + i);
      }
    }
    // An ack in the newest segment leaves its ack file behind when the segment is deleted.
    log.ack(Q1, refs.get(refs.size() - 1));
    log.close();
    assertThat(expected).isNotEmpty().hasSizeLessThan(20);
    Files.delete(SegmentFiles.segment(dir, newest));

    SegmentRecovery.Result result = recover();
    assertThat(bodies(result, Q1)).containsExactlyElementsOf(expected);
    assertThat(result.nextSegment()).isGreaterThan(newest);
    assertThat(Files.exists(SegmentFiles.acks(dir, newest))).isFalse();
    // New messages are not settled by the lost segment's acks.
    SegmentLog again = new SegmentLog(dir, 2048, result.refs(), result.nextSegment());
    write(again, false, "after");
    again.close();
    expected.add("after");
    assertThat(bodies(recover(), Q1)).containsExactlyElementsOf(expected);
  }

  @Test
  void segmentTruncatedMidRecordKeepsTheRecordsBefore() throws IOException {
    SegmentLog log = open(1 << 20);
    List<StoreRef> refs = write(log, false, "r1", "r2", "r3", "r4", "r5");
    log.close();
    Path segment = SegmentFiles.segment(dir, 1);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(refs.get(2).offset() + 12); // inside r3's payload
    }
    SegmentRecovery.Result result = recover();
    assertThat(bodies(result, Q1)).containsExactly("r1", "r2");
    assertThat(result.damagedRecords()).isEqualTo(1);
    assertThat(Files.size(segment)).isEqualTo(refs.get(2).offset());
  }

  @Test
  void unknownFormatVersionStopsRecoveryInsteadOfDiscarding() throws IOException {
    SegmentLog log = open(1 << 20);
    write(log, false, "kept");
    log.close();
    Path segment = SegmentFiles.segment(dir, 1);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.seek(7);
      file.write(SegmentFiles.SEGMENT_VERSION + 1); // as a later WarrenMQ would write it
    }
    long size = Files.size(segment);
    assertThatThrownBy(this::recover)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version " + (SegmentFiles.SEGMENT_VERSION + 1));
    assertThat(Files.size(segment)).isEqualTo(size);
    assertThat(Files.exists(segment.resolveSibling(segment.getFileName() + ".corrupt"))).isFalse();
  }

  @Test
  void messagesOfVanishedQueuesAreSettled() throws IOException {
    SegmentLog log = open(1 << 20);
    write(log, true, "m");
    log.close();
    SegmentRecovery.Result first = SegmentRecovery.recover(dir, Q1::equals);
    assertThat(bodies(first, Q1)).containsExactly("m");
    assertThat(first.queues()).doesNotContainKey(Q2);
    SegmentRecovery.Result again = recover();
    assertThat(bodies(again, Q2)).isEmpty();
    assertThat(bodies(again, Q1)).containsExactly("m");
    assertThat(first.refs().keySet()).containsExactly(1);
    assertThat(first.refs().get(1)).hasSize(1);
  }

  private static void flipByte(Path file, long position) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(position);
      int value = raf.read();
      raf.seek(position);
      raf.write(value ^ 0x5A);
    }
  }
}
