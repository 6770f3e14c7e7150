package io.warrenmq.broker.store.segment;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.store.log.RecordFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** File names and small file operations of the message log directory ({@code data/msgs}). */
final class SegmentFiles {
  static final String SEGMENT_MAGIC = "WMQSEGM";
  static final String ACK_MAGIC = "WMQACKS";

  /**
   * Segments are at version 2 (message records carry their enqueue time, types 4 and 5); version 1
   * segments are still read. Ack files are unchanged, at {@link RecordFormat#VERSION}.
   */
  static final int SEGMENT_VERSION = 2;

  private SegmentFiles() {}

  static Path segment(Path dir, int id) {
    return dir.resolve(String.format("%08d.seg", id));
  }

  static Path acks(Path dir, int id) {
    return dir.resolve(String.format("%08d.ack", id));
  }

  /** The segment numbers present, ascending. */
  static List<Integer> list(Path dir) throws IOException {
    return list(dir, "seg");
  }

  /** The numbers of the ack files present, ascending. */
  static List<Integer> listAcks(Path dir) throws IOException {
    return list(dir, "ack");
  }

  private static List<Integer> list(Path dir, String extension) throws IOException {
    List<Integer> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          file -> {
            String name = file.getFileName().toString();
            if (name.length() == 12 && name.matches("\\d{8}\\." + extension)) {
              ids.add(Integer.parseInt(name.substring(0, 8)));
            }
          });
    }
    ids.sort(null);
    return ids;
  }

  /** Opens {@code file} for appending, writing the file header if it is new. */
  static FileChannel openAppend(Path file, String magic) throws IOException {
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long size = channel.size();
    if (size < RecordFormat.fileHeaderSize()) {
      channel.truncate(0);
      ByteBuf header = Unpooled.buffer(RecordFormat.fileHeaderSize());
      RecordFormat.writeFileHeader(
          header, magic, magic.equals(SEGMENT_MAGIC) ? SEGMENT_VERSION : RecordFormat.VERSION);
      writeFully(channel, header);
      size = RecordFormat.fileHeaderSize();
    }
    channel.position(size);
    return channel;
  }

  static void writeFully(FileChannel channel, ByteBuf buf) throws IOException {
    var nio = buf.nioBuffer();
    while (nio.hasRemaining()) {
      channel.write(nio);
    }
    buf.skipBytes(buf.readableBytes());
  }

  /** Makes a file creation or deletion in {@code dir} durable (Linux: fsync the directory). */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Not supported on every platform; the files themselves are forced.
    }
  }

  static void delete(Path dir, int id) throws IOException {
    Files.deleteIfExists(segment(dir, id));
    Files.deleteIfExists(acks(dir, id));
  }
}
