package io.warrenmq.broker.store.definitions;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.broker.store.log.RecordScanner;
import io.warrenmq.broker.store.log.StoreThread;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code data/definitions.log}: an append-only log of definition records (see {@link
 * DefinitionCodec}), CRC32C per record. At open it is replayed (damaged records skipped, a torn
 * tail ignored) and compacted: the surviving definitions are written to {@code
 * definitions.log.tmp}, forced, and renamed over the log atomically, so a crash at any moment
 * leaves either the old log or the new one. Appends are forced at the store thread's group commit.
 *
 * <p>Confinement: the store thread after {@link #open}.
 */
public final class DefinitionsLog implements StoreThread.Syncable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DefinitionsLog.class);
  static final String MAGIC = "WMQDEFS";

  private final Definitions definitions;
  private final FileChannel channel;
  private final ByteBuf pending = Unpooled.buffer();

  private DefinitionsLog(Definitions definitions, FileChannel channel) {
    this.definitions = definitions;
    this.channel = channel;
  }

  /** Replays and compacts {@code dataDir/definitions.log}, then opens it for appending. */
  public static DefinitionsLog open(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("definitions.log");
    Definitions definitions = new Definitions();
    if (Files.exists(file)) {
      replay(file, definitions);
    }
    Path tmp = dataDir.resolve("definitions.log.tmp");
    ByteBuf out = Unpooled.buffer();
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      RecordFormat.writeFileHeader(out, MAGIC);
      DefinitionCodec.writeAll(out, definitions);
      var nio = out.nioBuffer();
      while (nio.hasRemaining()) {
        channel.write(nio);
      }
      channel.force(true);
    } finally {
      out.release();
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(dataDir);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    channel.position(channel.size());
    return new DefinitionsLog(definitions, channel);
  }

  private static void replay(Path file, Definitions definitions) throws IOException {
    ByteBuf bytes = Unpooled.wrappedBuffer(Files.readAllBytes(file));
    try {
      RecordFormat.requireKnownVersion(bytes, MAGIC, file);
      if (!RecordFormat.hasFileHeader(bytes, MAGIC)) {
        Path aside = file.resolveSibling("definitions.log.corrupt");
        LOG.error("{} has no valid header; moved to {}, starting without definitions", file, aside);
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      bytes.skipBytes(RecordFormat.fileHeaderSize());
      RecordScanner scanner = new RecordScanner(bytes);
      int bad = 0;
      while (scanner.next() >= 0) {
        try {
          DefinitionCodec.apply(scanner.payload(), definitions);
        } catch (RuntimeException e) {
          bad++;
        }
      }
      bad += scanner.damagedRegions();
      if (bad > 0 || scanner.tornBytes() > 0) {
        LOG.warn(
            "{}: skipped {} damaged record(s), cut a torn tail of {} bytes",
            file,
            bad,
            scanner.tornBytes());
      }
    } finally {
      bytes.release();
    }
  }

  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Not supported on every platform.
    }
  }

  /** The replayed definitions, kept current by {@link #append}. */
  public Definitions definitions() {
    return definitions;
  }

  /** Buffers one record (its payload) and applies it to {@link #definitions()}. */
  void append(byte[] payload) {
    int start = RecordFormat.begin(pending);
    pending.writeBytes(payload);
    RecordFormat.end(pending, start);
    DefinitionCodec.apply(Unpooled.wrappedBuffer(payload), definitions);
  }

  @Override
  public boolean sync() throws IOException {
    if (!pending.isReadable()) {
      return false;
    }
    var nio = pending.nioBuffer();
    while (nio.hasRemaining()) {
      channel.write(nio);
    }
    pending.clear();
    channel.force(false);
    return true;
  }

  @Override
  public void close() throws IOException {
    try {
      sync();
    } finally {
      pending.release();
      channel.close();
    }
  }
}
