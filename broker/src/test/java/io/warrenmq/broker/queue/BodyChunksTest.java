package io.warrenmq.broker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deep queue holds copies of its small transient messages in chunks, so the read buffers the
 * bodies were slices of are freed; what consumers get is unchanged.
 */
class BodyChunksTest {
  private final List<ByteBuf> reads = new ArrayList<>();
  private final List<QueueEntry> held = new ArrayList<>();
  private final MessageQueue queue =
      new MessageQueue(
          new QueueSettings("q", "/", false, null, false, Map.of()),
          ImmediateEventExecutor.INSTANCE,
          q -> {});

  @AfterEach
  void release() {
    held.forEach(e -> e.message().release());
    queue.forceDelete();
    reads.forEach(ByteBuf::release);
  }

  /** A message whose body is a slice of a larger "read buffer", as the frame decoder makes it. */
  private Message published(int i, BasicProperties properties) {
    ByteBuf read = PooledByteBufAllocator.DEFAULT.directBuffer(256);
    read.writeBytes(("frames before " + i + ";").getBytes(StandardCharsets.US_ASCII));
    int start = read.writerIndex();
    read.writeBytes(("body " + i).getBytes(StandardCharsets.US_ASCII));
    ByteBuf body = read.retainedSlice(start, read.writerIndex() - start);
    reads.add(read);
    return new Message("", "q", properties, body);
  }

  private static String text(Message message) {
    return message.body().toString(StandardCharsets.US_ASCII);
  }

  private List<QueueEntry> drainAll() {
    List<QueueEntry> got = new ArrayList<>();
    queue.addConsumer(new ListConsumer(got), false, e -> {});
    held.addAll(got);
    return got;
  }

  @Test
  void deepQueueCopiesBodiesAndFreesReadBuffersInOrder() {
    int n = ReadyList.COMPACT_DEPTH + 500;
    BasicProperties properties = BasicProperties.EMPTY.toBuilder().deliveryMode(1).build();
    for (int i = 0; i < n; i++) {
      queue.enqueue(published(i, properties.toBuilder().build()));
    }
    // Every read buffer past the first COMPACT_DEPTH messages is held by nobody but the test.
    for (int i = ReadyList.COMPACT_DEPTH; i < n - 1; i++) {
      assertThat(reads.get(i).refCnt()).as("read buffer %d", i).isEqualTo(1);
    }
    List<QueueEntry> got = drainAll();
    assertThat(got).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(text(got.get(i).message())).isEqualTo("body " + i);
      assertThat(got.get(i).message().size()).isEqualTo(("body " + i).length());
    }
    Message a = got.get(n - 3).message();
    Message b = got.get(n - 2).message();
    assertThat(a.isInChunk()).isTrue();
    assertThat(a.properties()).isSameAs(b.properties()).isEqualTo(properties);
    ByteBuf delivered = b.retainedBody();
    assertThat(delivered.toString(StandardCharsets.US_ASCII)).isEqualTo("body " + (n - 2));
    delivered.release();
  }

  @Test
  void messagesHeldElsewhereAreNotCopied() {
    List<Message> shared = new ArrayList<>();
    for (int i = 0; i < ReadyList.COMPACT_DEPTH + 10; i++) {
      Message message = published(i, BasicProperties.EMPTY);
      shared.add(message.retain()); // as if routed to a second queue too
      queue.enqueue(message);
    }
    List<QueueEntry> got = drainAll();
    assertThat(got).allSatisfy(e -> assertThat(e.message().isInChunk()).isFalse());
    shared.forEach(Message::release);
  }

  @Test
  void aMessageLetGoAfterItArrivedIsCopiedWhenTheNextOneArrives() {
    int last = ReadyList.COMPACT_DEPTH + 1;
    for (int i = 0; i < last; i++) {
      queue.enqueue(published(i, BasicProperties.EMPTY));
    }
    Message late = published(last, BasicProperties.EMPTY);
    queue.enqueue(late.retain()); // the publisher still holds it while the queue takes it
    late.release();
    assertThat(reads.get(last).refCnt()).isEqualTo(2);
    queue.enqueue(published(last + 1, BasicProperties.EMPTY));
    assertThat(reads.get(last).refCnt()).isEqualTo(1);
    List<QueueEntry> got = drainAll();
    assertThat(text(got.get(last).message())).isEqualTo("body " + last);
    assertThat(got.get(last).message().isInChunk()).isTrue();
  }

  @Test
  void purgeLetsTheChunkGo() {
    for (int i = 0; i < ReadyList.COMPACT_DEPTH + 10; i++) {
      queue.enqueue(published(i, BasicProperties.EMPTY));
    }
    queue.purge(count -> assertThat(count).isEqualTo(ReadyList.COMPACT_DEPTH + 10));
    // Paranoid leak detection reports a chunk left unreleased; the read buffers are ours alone.
    reads.forEach(read -> assertThat(read.refCnt()).isEqualTo(1));
  }

  private static final class ListConsumer implements Consumer {
    private final List<QueueEntry> got;

    ListConsumer(List<QueueEntry> got) {
      this.got = got;
    }

    @Override
    public String tag() {
      return "c";
    }

    @Override
    public boolean isNoAck() {
      return true;
    }

    @Override
    public boolean tryReserve() {
      return true;
    }

    @Override
    public void deliver(MessageQueue from, QueueEntry entry) {
      got.add(entry);
    }

    @Override
    public void cancelledByQueue(MessageQueue from) {}
  }
}
