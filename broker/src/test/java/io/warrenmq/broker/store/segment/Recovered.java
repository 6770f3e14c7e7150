package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBufAllocator;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.RecoveredMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the messages recovery indexed for a queue, read back as a paging queue would. */
final class Recovered {
  private Recovered() {}

  /** The queue's messages, in order (each one reference: release them); null for unreadable. */
  static List<Message> messages(Path dir, SegmentRecovery.Result result, QueueKey queue) {
    RecoveredMessages index = result.queues().get(queue);
    List<Message> messages = new ArrayList<>();
    if (index == null) {
      return messages;
    }
    try (SegmentReader reader = new SegmentReader(dir)) {
      for (int i = 0; i < index.size(); i++) {
        messages.add(reader.read(index.ref(i), ByteBufAllocator.DEFAULT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }
}
