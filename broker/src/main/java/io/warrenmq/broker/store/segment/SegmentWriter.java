package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.store.log.FileIo;
import io.warrenmq.broker.store.log.RecordFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append end of the log: the active segment's file and the write buffer in front of it. Records
 * are built in the buffer and reach the file in large writes; the writer knows how far the file is
 * written and how far it is forced, so a failed pass can be cut back to the last forced size. It
 * knows nothing of refs, acks or compaction: {@link SegmentLog} decides what a failure means for
 * those.
 *
 * <p>Confinement: the store thread.
 */
final class SegmentWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);
  private static final int BUFFER = 1 << 20;

  private final Path dir;
  private final FileIo io;
  private final ByteBuf buffer = Unpooled.directBuffer(BUFFER);
  private FileChannel file;
  private int id;
  private long size;
  private long forcedSize;
  private boolean unforced;

  SegmentWriter(Path dir, FileIo io) {
    this.dir = dir;
    this.io = io;
  }

  /** The active segment's number. */
  int id() {
    return id;
  }

  /** The bytes written to the active file (the buffer not counted). */
  long size() {
    return size;
  }

  /** Where the next record will start: the file's size plus what is buffered. */
  long position() {
    return size + buffer.readableBytes();
  }

  /** The last size known on disk; a failure cuts the file back to it. */
  long forcedSize() {
    return forcedSize;
  }

  /** True when bytes were written to the file since the last force. */
  boolean isUnforced() {
    return unforced;
  }

  /** Starts a record in the buffer; returns its start for {@link #endRecord}. */
  int beginRecord() {
    return RecordFormat.begin(buffer);
  }

  /** The record's payload goes here, between {@link #beginRecord} and {@link #endRecord}. */
  ByteBuf buffer() {
    return buffer;
  }

  /** Closes the record begun at {@code start}; returns its size. */
  int endRecord(int start) {
    RecordFormat.end(buffer, start);
    return buffer.writerIndex() - start;
  }

  /** True once the buffer holds enough for one large write. */
  boolean isFull() {
    return buffer.readableBytes() >= BUFFER;
  }

  /** Writes the buffer to the file, unforced; after a failure the caller {@link #cutBack}s. */
  void flush() throws IOException {
    if (buffer.isReadable()) {
      int length = buffer.readableBytes();
      io.write(file, buffer.nioBuffer());
      size += length;
      unforced = true;
    }
    buffer.clear();
    if (buffer.capacity() > 4 * BUFFER) {
      buffer.capacity(BUFFER);
    }
  }

  /** Forces what was written: it is the forced size now. */
  void force() throws IOException {
    io.force(file);
    forcedSize = size;
    unforced = false;
  }

  /** Drops the buffer and cuts the file back to its forced size (a failed pass). */
  void cutBack() {
    buffer.clear();
    try {
      file.truncate(forcedSize);
      file.position(forcedSize);
      size = forcedSize;
    } catch (IOException e) {
      LOG.debug("cutting segment {} back failed", id, e);
    }
    unforced = false;
  }

  /**
   * Creates segment {@code newId} (its header forced, the directory synced) and appends to it from
   * now on; returns the previous file (null at the first), which the caller closes.
   */
  FileChannel open(int newId) throws IOException {
    FileChannel created =
        SegmentFiles.openAppend(SegmentFiles.segment(dir, newId), SegmentFiles.SEGMENT_MAGIC);
    try {
      io.force(created);
    } catch (IOException e) {
      created.close();
      throw e;
    }
    SegmentFiles.syncDirectory(dir);
    FileChannel previous = file;
    file = created;
    id = newId;
    size = created.size();
    forcedSize = size;
    return previous;
  }

  /** Releases the buffer and closes the file, writing nothing more. */
  void close() throws IOException {
    buffer.release();
    file.close();
  }
}
