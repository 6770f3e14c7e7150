package io.warrenmq.broker.store.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.RecoveredMessages;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.model.generated.BasicProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What recovery tells a queue besides where a record is (enqueue time, priority, expiration), and
 * the segment format versions: version 2 records carry the enqueue time, version 1 files still
 * load.
 */
@Timeout(30)
class SegmentRecordVersionsTest {
  private static final QueueKey Q1 = new QueueKey("/", "q1");

  @TempDir Path dir;

  private static Message message(String body, Integer priority, String expiration) {
    BasicProperties properties =
        BasicProperties.builder()
            .contentType("text/plain")
            .headers(Map.of("h", "value"))
            .deliveryMode(2)
            .priority(priority)
            .correlationId("c")
            .replyTo("r")
            .expiration(expiration)
            .messageId("m")
            .build();
    return new Message(
        "ex",
        "key",
        properties,
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8),
        new StoreRef());
  }

  private SegmentRecovery.Result recover() throws IOException {
    return SegmentRecovery.recover(dir, q -> true);
  }

  private SegmentLog open(long segmentSize) throws IOException {
    SegmentRecovery.Result result = recover();
    SegmentLog log = new SegmentLog(dir, segmentSize, result.refs(), result.nextSegment());
    log.compactionPolicy(0.5, 0);
    return log;
  }

  private static StoreRef append(SegmentLog log, Message message, long enqueuedAt)
      throws IOException {
    log.append("/", List.of("q1"), message, enqueuedAt);
    message.release();
    return message.storeRef();
  }

  @Test
  void recoveryReportsEnqueueTimePriorityAndExpiration() throws IOException {
    SegmentLog log = open(1 << 20);
    append(log, message("a", 7, "60000"), 1_000L);
    append(log, message("b", null, null), 2_000L);
    append(log, message("c", 200, null), 3_000L);
    log.sync();
    log.close();

    RecoveredMessages recovered = recover().queues().get(Q1);
    assertThat(recovered.size()).isEqualTo(3);
    assertThat(recovered.enqueuedAt(0)).isEqualTo(1_000L);
    assertThat(recovered.priority(0)).isEqualTo(7);
    assertThat(recovered.expiration(0)).isEqualTo("60000");
    assertThat(recovered.enqueuedAt(1)).isEqualTo(2_000L);
    assertThat(recovered.priority(1)).isZero();
    assertThat(recovered.expiration(1)).isNull();
    assertThat(recovered.priority(2)).isEqualTo(200);
    List<String> bodies = new ArrayList<>();
    for (Message message : Recovered.messages(dir, recover(), Q1)) {
      bodies.add(message.body().toString(StandardCharsets.UTF_8));
      message.release();
    }
    assertThat(bodies).containsExactly("a", "b", "c");
  }

  @Test
  void compactionKeepsTheEnqueueTime() throws IOException {
    SegmentLog log = open(4096);
    List<StoreRef> refs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      refs.add(append(log, message("m" + i, i % 3, null), 10_000L + i));
    }
    log.sync();
    for (int i = 0; i < refs.size(); i++) {
      if (i % 10 != 0) {
        log.ack(Q1, refs.get(i));
      }
    }
    log.sync();
    int before = log.segments().size();
    for (int i = 0; i < 10_000 && log.slice(); i++) {
      log.sync();
    }
    log.sync();
    assertThat(log.segments().size()).isLessThan(before);
    log.close();

    RecoveredMessages recovered = recover().queues().get(Q1);
    assertThat(recovered.size()).isEqualTo(6);
    for (int i = 0; i < recovered.size(); i++) {
      assertThat(recovered.enqueuedAt(i)).isEqualTo(10_000L + i * 10);
      assertThat(recovered.priority(i)).isEqualTo((i * 10) % 3);
    }
  }

  @Test
  void versionOneSegmentsStillLoadWithoutAnEnqueueTime() throws IOException {
    Files.createDirectories(dir);
    ByteBuf file = Unpooled.buffer();
    RecordFormat.writeFileHeader(file, SegmentFiles.SEGMENT_MAGIC, 1);
    int start = RecordFormat.begin(file);
    file.writeByte(MessageRecord.TYPE_V1).writeShort(1);
    RecordFormat.writeString(file, "/");
    RecordFormat.writeString(file, "q1");
    RecordFormat.writeString(file, "ex");
    RecordFormat.writeString(file, "key");
    int lengthIndex = file.writerIndex();
    file.writeInt(0);
    BasicProperties.builder().deliveryMode(2).priority(4).expiration("500").build().writeTo(file);
    file.setInt(lengthIndex, file.writerIndex() - lengthIndex - 4);
    file.writeInt(3).writeBytes("old".getBytes(StandardCharsets.UTF_8));
    RecordFormat.end(file, start);
    byte[] bytes = new byte[file.readableBytes()];
    file.readBytes(bytes);
    file.release();
    Files.write(SegmentFiles.segment(dir, 1), bytes);

    SegmentLog log = open(1 << 20);
    append(log, message("new", null, null), 5_000L);
    log.sync();
    log.close();
    assertThat(Files.readAllBytes(SegmentFiles.segment(dir, 2))[7]).isEqualTo((byte) 2);

    RecoveredMessages recovered = recover().queues().get(Q1);
    assertThat(recovered.size()).isEqualTo(2);
    assertThat(recovered.enqueuedAt(0)).isEqualTo(RecoveredMessages.UNKNOWN);
    assertThat(recovered.priority(0)).isEqualTo(4);
    assertThat(recovered.expiration(0)).isEqualTo("500");
    assertThat(recovered.enqueuedAt(1)).isEqualTo(5_000L);
    List<String> bodies = new ArrayList<>();
    for (Message message : Recovered.messages(dir, recover(), Q1)) {
      bodies.add(message.body().toString(StandardCharsets.UTF_8));
      message.release();
    }
    assertThat(bodies).containsExactly("old", "new");
  }
}
