package io.warrenmq.broker.store.log;

import io.netty.buffer.ByteBuf;

/**
 * Reads the records of one file held in memory, surviving damage: a record whose marker, length or
 * checksum is wrong is skipped — exactly, when the record after it is intact, else by searching
 * byte by byte for the next valid record — and counted. Damage with no valid record after it is a
 * torn tail: {@link #validEnd()} is where the file should be cut.
 *
 * <p>Not thread-safe; used at recovery only.
 */
public final class RecordScanner {
  private final ByteBuf file;
  private final int end;
  private int position;
  private int validEnd;
  private int damagedRegions;
  private long damagedBytes;

  /** Scans {@code file} from its reader index (after the file header) to its writer index. */
  public RecordScanner(ByteBuf file) {
    this.file = file;
    this.position = file.readerIndex();
    this.validEnd = position;
    this.end = file.writerIndex();
  }

  /**
   * The next valid record's offset in the file, its payload readable at {@link #payload()}; -1 at
   * the end.
   */
  public int next() {
    if (position >= end) {
      return -1;
    }
    if (isValidAt(position)) {
      return take(position);
    }
    int skipTo = -1;
    int length = lengthAt(position);
    if (length >= 0 && isValidAt(position + RecordFormat.HEADER + length)) {
      skipTo = position + RecordFormat.HEADER + length;
    } else {
      for (int candidate = position + 1; candidate < end; candidate++) {
        if (file.getByte(candidate) == RecordFormat.MARKER && isValidAt(candidate)) {
          skipTo = candidate;
          break;
        }
      }
    }
    if (skipTo < 0) {
      position = end; // torn tail: everything from validEnd on is cut
      return -1;
    }
    damagedRegions++;
    damagedBytes += skipTo - position;
    return take(skipTo);
  }

  private int payloadIndex;
  private int payloadLength;

  private int take(int offset) {
    payloadIndex = offset + RecordFormat.HEADER;
    payloadLength = file.getInt(offset + 1);
    position = payloadIndex + payloadLength;
    validEnd = position;
    return offset;
  }

  /** A slice of the last record's payload (shares the file's memory; not retained). */
  public ByteBuf payload() {
    return file.slice(payloadIndex, payloadLength);
  }

  /** The end of the last valid record: where a torn file is cut. */
  public int validEnd() {
    return validEnd;
  }

  /** Bytes after the last valid record (a torn tail); 0 when the file ends cleanly. */
  public int tornBytes() {
    return position >= end ? end - validEnd : 0;
  }

  /** Damaged stretches skipped between valid records. */
  public int damagedRegions() {
    return damagedRegions;
  }

  public long damagedBytes() {
    return damagedBytes;
  }

  private int lengthAt(int offset) {
    if (end - offset < RecordFormat.HEADER || file.getByte(offset) != RecordFormat.MARKER) {
      return -1;
    }
    int length = file.getInt(offset + 1);
    if (length <= 0
        || length > RecordFormat.MAX_PAYLOAD
        || length > end - offset - RecordFormat.HEADER) {
      return -1;
    }
    return length;
  }

  private boolean isValidAt(int offset) {
    int length = lengthAt(offset);
    if (length < 0) {
      return false;
    }
    long expected = file.getInt(offset + 5) & 0xFFFFFFFFL;
    return RecordFormat.crc(file, offset + RecordFormat.HEADER, length) == expected;
  }
}
