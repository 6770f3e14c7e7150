package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.store.StoreRef;
import io.warrenmq.broker.store.log.RecordFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records back for queues that paged their messages out: positional reads through a few
 * read-only channels kept open (least recently used closed first), each record checked against its
 * checksum before it becomes a message again.
 *
 * <p>Confinement: the store thread, so a ref cannot move (compaction) while it is read.
 */
final class SegmentReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentReader.class);
  private static final int OPEN_FILES = 8;

  private final Path dir;
  private final Map<Integer, FileChannel> files = new LinkedHashMap<>(16, 0.75f, true);
  private ByteBuf buffer = Unpooled.buffer(64 * 1024);

  SegmentReader(Path dir) {
    this.dir = dir;
  }

  /**
   * The message of the record at {@code ref}, its body copied from {@code alloc}; null when the
   * record fails its checksum or cannot be parsed (logged). An I/O error is thrown: it may pass.
   */
  Message read(StoreRef ref, ByteBufAllocator alloc) throws IOException {
    int size = ref.size();
    if (size <= RecordFormat.HEADER || size > RecordFormat.MAX_PAYLOAD + RecordFormat.HEADER) {
      return damaged(ref, "implausible size " + size);
    }
    buffer.clear();
    buffer.ensureWritable(size);
    var nio = buffer.nioBuffer(0, size);
    FileChannel file;
    try {
      file = file(ref.segment());
    } catch (NoSuchFileException e) {
      return damaged(ref, "segment file missing");
    }
    while (nio.hasRemaining()) {
      if (file.read(nio, ref.offset() + nio.position()) < 0) {
        return damaged(ref, "past the end of the file");
      }
    }
    buffer.writerIndex(size);
    int length = size - RecordFormat.HEADER;
    if (buffer.getByte(0) != RecordFormat.MARKER
        || buffer.getInt(1) != length
        || buffer.getInt(5) != (int) RecordFormat.crc(buffer, RecordFormat.HEADER, length)) {
      return damaged(ref, "checksum mismatch");
    }
    try {
      return MessageRecord.read(buffer.slice(RecordFormat.HEADER, length)).toMessage(alloc, ref);
    } catch (RuntimeException e) {
      return damaged(ref, e.toString());
    } finally {
      if (buffer.capacity() > 4 * 1024 * 1024) {
        buffer.release();
        buffer = Unpooled.buffer(64 * 1024); // one huge message must not pin its size
      }
    }
  }

  private Message damaged(StoreRef ref, String why) {
    LOG.error(
        "record at segment {} offset {} cannot be read back ({}): message dropped",
        ref.segment(),
        ref.offset(),
        why);
    return null;
  }

  private FileChannel file(int segment) throws IOException {
    FileChannel file = files.get(segment);
    if (file == null) {
      file = FileChannel.open(SegmentFiles.segment(dir, segment), StandardOpenOption.READ);
      files.put(segment, file);
      if (files.size() > OPEN_FILES) {
        var eldest = files.entrySet().iterator().next();
        eldest.getValue().close();
        files.remove(eldest.getKey());
      }
    }
    return file;
  }

  /** The segment is deleted: its channel goes too. */
  void forget(int segment) throws IOException {
    FileChannel file = files.remove(segment);
    if (file != null) {
      file.close();
    }
  }

  @Override
  public void close() throws IOException {
    for (FileChannel file : files.values()) {
      file.close();
    }
    files.clear();
    buffer.release();
  }
}
