package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.Basic;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Ways to spoil a valid stream, each aimed at one layer of the decoder. */
enum Mutation {
  /** Anywhere: framing, ids, arguments. */
  BIT_FLIPS {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      for (int n = 1 + random.r.nextInt(8); n > 0; n--) {
        in[random.r.nextInt(in.length)] ^= (byte) (1 << random.r.nextInt(8));
      }
      return in;
    }
  },
  /** Inside one payload only, so that the frame still frames and the arguments get decoded. */
  PAYLOAD_BIT_FLIPS {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      int start = starts.get(random.r.nextInt(starts.size()));
      int size = payloadSize(in, start);
      for (int n = 1 + random.r.nextInt(4); n > 0 && size > 0; n--) {
        in[start + 7 + random.r.nextInt(size)] ^= (byte) (1 << random.r.nextInt(8));
      }
      return in;
    }
  },
  /** Overwrites a run of payload bytes, often with a field-table tag, keeping the framing. */
  PAYLOAD_SPLICE {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      int start = starts.get(random.r.nextInt(starts.size()));
      int size = payloadSize(in, start);
      if (size > 0) {
        int at = start + 7 + random.r.nextInt(size);
        int length = Math.min(1 + random.r.nextInt(8), start + 7 + size - at);
        for (int k = 0; k < length; k++) {
          in[at + k] = (byte) random.r.nextInt(256);
        }
        in[at] = (byte) "tbBsuIilfdDSxATFV\0\u00ff".charAt(random.r.nextInt(19));
      }
      return in;
    }
  },
  /** The stream ends early: the decoder must wait, not fail, and release what it buffered. */
  TRUNCATION {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      return Arrays.copyOf(in, random.r.nextInt(in.length));
    }
  },
  /** A payload cut short with its size field fixed: arguments run out mid-field. */
  SHORT_PAYLOAD {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      int start = starts.get(random.r.nextInt(starts.size()));
      int size = payloadSize(in, start);
      return resize(in, start, size == 0 ? 0 : random.r.nextInt(size), random);
    }
  },
  /** A payload with bytes appended and its size field fixed. */
  LONG_PAYLOAD {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      int start = starts.get(random.r.nextInt(starts.size()));
      return resize(in, start, payloadSize(in, start) + 1 + random.r.nextInt(16), random);
    }
  },
  /** A size field that lies, by a little or a lot. */
  LENGTH_CORRUPTION {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      int start = starts.get(random.r.nextInt(starts.size()));
      int size = payloadSize(in, start);
      long[] lies = {
        0,
        size - 1 - random.r.nextInt(4),
        size + 1 + random.r.nextInt(4),
        random.r.nextInt(),
        0x7FFF_FFFFL,
        0x8000_0000L,
        0xFFFF_FFFFL,
        0xFFFF_FFF8L
      };
      return setSize(in, start, lies[random.r.nextInt(lies.length)]);
    }
  },
  /** A size field beyond frame_max (beyond 2 GiB when there is no limit). */
  OVERSIZE {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      long limit = maxFrameSize == 0 ? Integer.MAX_VALUE : maxFrameSize;
      long size = limit - FrameDecoder.OVERHEAD + 1 + random.r.nextLong(0, 1L << 20);
      return setSize(in, starts.get(random.r.nextInt(starts.size())), Math.min(size, 0xFFFF_FFFFL));
    }
  },
  /** Any type octet and channel, e.g. a heartbeat on channel 5 or a type that does not exist. */
  FRAME_TYPE_AND_CHANNEL {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      int start = starts.get(random.r.nextInt(starts.size()));
      in[start] = (byte) (random.r.nextBoolean() ? random.r.nextInt(256) : random.r.nextInt(10));
      if (random.r.nextBoolean()) {
        in[start + 1] = (byte) random.r.nextInt(256);
        in[start + 2] = (byte) random.r.nextInt(256);
      }
      return in;
    }
  },
  /** Bytes that were never a frame; half start with a real frame type to get past it. */
  GARBAGE {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      byte[] garbage = random.bytes(random.r.nextInt(256));
      if (garbage.length > 0 && random.r.nextBoolean()) {
        garbage[0] = (byte) new int[] {1, 2, 3, 8}[random.r.nextInt(4)];
      }
      return garbage;
    }
  },
  /** A well-framed method frame of a known class and method whose arguments are random. */
  RANDOM_ARGUMENTS {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      Method known =
          Arbitrary.METHODS.get(random.r.nextInt(Arbitrary.METHODS.size())).apply(random);
      int methodIndex = random.r.nextInt(10) == 0 ? random.r.nextInt(200) : known.methodIndex();
      byte[] payload =
          build(
              out ->
                  out.writeShort(known.classIndex())
                      .writeShort(methodIndex)
                      .writeBytes(random.bytes(random.r.nextInt(48))));
      return frame(AmqpConstants.FRAME_METHOD, payload, random);
    }
  },
  /** A well-framed content header whose flags and property bytes are random. */
  RANDOM_PROPERTIES {
    @Override
    byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize) {
      long bodySize = random.r.nextInt(4) == 0 ? random.r.nextLong() : random.r.nextInt(999);
      int flags = random.r.nextInt(65536);
      // Mostly flags that name real properties, so that their values get decoded.
      int sentFlags = random.r.nextInt(4) == 0 ? flags : flags & 0xFFFC;
      byte[] payload =
          build(
              out ->
                  out.writeShort(Basic.CLASS_INDEX)
                      .writeShort(0)
                      .writeLong(bodySize)
                      .writeShort(sentFlags)
                      .writeBytes(random.bytes(random.r.nextInt(64))));
      return frame(AmqpConstants.FRAME_HEADER, payload, random);
    }
  };

  byte[] apply(Arbitrary random, ByteBuf scratch, long maxFrameSize) {
    List<Integer> starts = new ArrayList<>();
    return mutate(random, random.stream(scratch, starts), starts, maxFrameSize);
  }

  abstract byte[] mutate(Arbitrary random, byte[] in, List<Integer> starts, long maxFrameSize);

  private static int payloadSize(byte[] in, int start) {
    return ByteBuffer.wrap(in).getInt(start + 3);
  }

  private static byte[] setSize(byte[] in, int start, long size) {
    ByteBuffer.wrap(in).putInt(start + 3, (int) size);
    return in;
  }

  private static byte[] resize(byte[] in, int start, int newSize, Arbitrary random) {
    int size = payloadSize(in, start);
    int oldEnd = start + 7 + size;
    return build(
        out -> {
          out.writeBytes(in, 0, start + 3).writeInt(newSize);
          out.writeBytes(in, start + 7, Math.min(size, newSize));
          out.writeBytes(random.bytes(Math.max(0, newSize - size)));
          out.writeBytes(in, oldEnd, in.length - oldEnd);
        });
  }

  private static byte[] frame(int type, byte[] payload, Arbitrary random) {
    return build(
        out ->
            out.writeByte(type)
                .writeShort(random.r.nextInt(3))
                .writeInt(payload.length)
                .writeBytes(payload)
                .writeByte(AmqpConstants.FRAME_END));
  }

  private static byte[] build(Consumer<ByteBuf> writer) {
    ByteBuf out = Arbitrary.untracked();
    try {
      writer.accept(out);
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
  }
}
