package io.warrenmq.broker.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The message log's writes and forces, as a seam: production writes straight to the channel; tests
 * inject failures (disk full, EIO on fsync) to check that the broker nacks and keeps serving.
 */
public interface FileIo {
  /** Writes to the channel directly. */
  FileIo DIRECT =
      new FileIo() {
        @Override
        public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
        }

        @Override
        public void force(FileChannel channel) throws IOException {
          channel.force(false);
        }
      };

  /** Writes every remaining byte of {@code bytes} at the channel's position. */
  void write(FileChannel channel, ByteBuffer bytes) throws IOException;

  /** {@code force(false)}: the file's data reaches the disk. */
  void force(FileChannel channel) throws IOException;
}
