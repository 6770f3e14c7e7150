package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;

/**
 * Decodes short strings through a small per-thread cache, so that the exchange and routing key of
 * every basic.publish (the same few values, message after message) do not become two new Strings
 * per message. Each decoding thread (a connection's event loop) keeps a direct-mapped table of the
 * ASCII strings it decoded last; a string whose bytes equal the cached one's is returned as it is.
 * Strings are immutable, so sharing them is safe; a miss costs what decoding always cost.
 *
 * <p>Confinement: one instance per thread.
 */
final class ShortStrings {
  private static final int SLOTS = 64; // a power of two
  private static final FastThreadLocal<ShortStrings> CACHE =
      new FastThreadLocal<>() {
        @Override
        protected ShortStrings initialValue() {
          return new ShortStrings();
        }
      };

  private final byte[] scratch = new byte[Wire.SHORT_STRING_MAX];
  private final String[] slots = new String[SLOTS];

  private ShortStrings() {}

  /** Reads {@code length} bytes at the reader index as UTF-8, without moving the index. */
  static String decode(ByteBuf in, int length) {
    return CACHE.get().get(in, length);
  }

  private String get(ByteBuf in, int length) {
    byte[] bytes = scratch;
    in.getBytes(in.readerIndex(), bytes, 0, length);
    int hash = length;
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      ascii &= b >= 0;
      hash = 31 * hash + b;
    }
    if (!ascii) {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = slots[slot];
    if (cached != null && matches(cached, bytes, length)) {
      return cached;
    }
    String decoded = new String(bytes, 0, length, StandardCharsets.US_ASCII);
    slots[slot] = decoded;
    return decoded;
  }

  private static boolean matches(String cached, byte[] bytes, int length) {
    if (cached.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (cached.charAt(i) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
