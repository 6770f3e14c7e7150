package io.warrenmq.broker.store.log;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The framing shared by every store file: a file header ({@code magic}, then a version byte), then
 * records {@code [0xA7][u32 length][u32 crc32c(payload)][payload]}. A reader finds a record valid
 * only when the marker, a plausible length and the checksum all agree (see {@link RecordScanner}).
 *
 * <p>Strings inside payloads are {@code [u16 length][UTF-8]}.
 */
public final class RecordFormat {
  /** The first byte of every record. */
  public static final byte MARKER = (byte) 0xA7;

  /** Marker, length and checksum. */
  public static final int HEADER = 9;

  /** No record is larger than this (a 128 MiB body plus its properties and queue list). */
  public static final int MAX_PAYLOAD = 256 * 1024 * 1024;

  /**
   * The format version written after the magic of a file that has no newer version of its own
   * (message segments have: see {@code SegmentFiles}).
   */
  public static final byte VERSION = 1;

  private RecordFormat() {}

  /** Writes a file header: 7 magic bytes and {@link #VERSION}. */
  public static void writeFileHeader(ByteBuf out, String magic7) {
    writeFileHeader(out, magic7, VERSION);
  }

  /** Writes a file header: 7 magic bytes and {@code version}. */
  public static void writeFileHeader(ByteBuf out, String magic7, int version) {
    byte[] bytes = magic7.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length != 7) {
      throw new IllegalArgumentException("magic must be 7 bytes: " + magic7);
    }
    out.writeBytes(bytes).writeByte(version);
  }

  /** The size of a file header. */
  public static int fileHeaderSize() {
    return 8;
  }

  /** True when {@code in} starts with the header {@code magic7} of version {@link #VERSION}. */
  public static boolean hasFileHeader(ByteBuf in, String magic7) {
    return hasFileHeader(in, magic7, VERSION);
  }

  /**
   * True when {@code in} starts with the header {@code magic7} of a version 1 to {@code newest}.
   */
  public static boolean hasFileHeader(ByteBuf in, String magic7, int newest) {
    if (in.readableBytes() < 8) {
      return false;
    }
    byte[] bytes = magic7.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 7; i++) {
      if (in.getByte(in.readerIndex() + i) != bytes[i]) {
        return false;
      }
    }
    int version = in.getUnsignedByte(in.readerIndex() + 7);
    return version >= 1 && version <= newest;
  }

  /**
   * Refuses a file that starts with {@code magic7} but carries another format version: it was
   * written by another WarrenMQ version, and reading it as damage (setting it aside, settling its
   * messages) would throw data away. The broker does not start; the message names both versions.
   */
  public static void requireKnownVersion(ByteBuf in, String magic7, Object file)
      throws IOException {
    requireKnownVersion(in, magic7, file, VERSION);
  }

  /** As above for a file whose format has versions 1 to {@code newest}, all of them read. */
  public static void requireKnownVersion(ByteBuf in, String magic7, Object file, int newest)
      throws IOException {
    if (in.readableBytes() < 8) {
      return;
    }
    byte[] bytes = magic7.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 7; i++) {
      if (in.getByte(in.readerIndex() + i) != bytes[i]) {
        return; // not even the magic: damage, handled by the caller
      }
    }
    int version = in.getUnsignedByte(in.readerIndex() + 7);
    if (version < 1 || version > newest) {
      throw new IOException(
          file
              + ": store format version "
              + version
              + ", this broker reads version "
              + (newest == 1 ? "1 only" : "1 to " + newest)
              + "; start the WarrenMQ version that wrote it");
    }
  }

  /** Starts a record: writes a header to fill in with {@link #end}; returns its index. */
  public static int begin(ByteBuf out) {
    int start = out.writerIndex();
    out.writeByte(MARKER).writeInt(0).writeInt(0);
    return start;
  }

  /** Completes the record started at {@code start}: its length and checksum. */
  public static void end(ByteBuf out, int start) {
    int payloadStart = start + HEADER;
    int length = out.writerIndex() - payloadStart;
    out.setInt(start + 1, length);
    out.setInt(start + 5, (int) crc(out, payloadStart, length));
  }

  // One per thread: the store thread checksums every record it writes, recovery every one it reads.
  private static final ThreadLocal<CRC32C> CRC = ThreadLocal.withInitial(CRC32C::new);

  /** CRC32C of {@code length} bytes of {@code buf} from {@code index}. */
  public static long crc(ByteBuf buf, int index, int length) {
    CRC32C crc = CRC.get();
    crc.reset();
    if (buf.hasArray()) {
      crc.update(buf.array(), buf.arrayOffset() + index, length);
    } else if (buf.nioBufferCount() == 1) {
      // internalNioBuffer: the buffer's own reusable view, no ByteBuffer per record
      crc.update(buf.internalNioBuffer(index, length));
    } else {
      crc.update(buf.nioBuffer(index, length));
    }
    return crc.getValue();
  }

  /** Writes a {@code [u16 length][UTF-8]} string, encoded straight into {@code out}. */
  public static void writeString(ByteBuf out, String value) {
    int lengthAt = out.writerIndex();
    out.writeShort(0);
    int length = ByteBufUtil.writeUtf8(out, value);
    out.setShort(lengthAt, length);
  }

  /** Reads a string written by {@link #writeString}. */
  public static String readString(ByteBuf in) {
    int length = in.readUnsignedShort();
    String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
    in.skipBytes(length);
    return value;
  }
}
