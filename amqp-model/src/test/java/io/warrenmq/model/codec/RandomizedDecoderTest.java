package io.warrenmq.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Frame;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Access;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Confirm;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.Exchange;
import io.warrenmq.model.generated.Queue;
import io.warrenmq.model.generated.Tx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder valid frames of every method with random arguments, then 100,000 mutations of
 * them and of plain garbage. Whatever arrives, the decoder may only refuse it with the protocol
 * error the connection closes with, and nothing it produces or buffers may leak. Every case has its
 * own seed ({@link #SEED} plus its index), so a failure names the one input that reproduces it.
 */
class RandomizedDecoderTest {
  private static final long SEED = 0x0A3C_0901_5EEDL;
  private static final long MUTATED_SEED = SEED + (1L << 32);
  private static final int VALID_CASES = 10_000;
  private static final int MUTATED_CASES = 100_000;
  private static final Set<Integer> FRAME_LEVEL_CODES = Set.of(501, 502, 503, 505, 540);
  private static final long[] FRAME_MAX = {AmqpConstants.FRAME_MIN_SIZE, 131_072, 0};
  private static final int REPORTED = 10;

  @Test
  void validFramesDecodeAndEncodeBackToTheSameBytes() {
    List<String> failures = new ArrayList<>();
    ByteBuf scratch = Arbitrary.untracked();
    ByteBuf reencoded = Arbitrary.untracked();
    try {
      for (int i = 0; i < VALID_CASES; i++) {
        Arbitrary random = new Arbitrary(new SplittableRandom(SEED + i));
        List<Integer> starts = new ArrayList<>();
        byte[] input = random.stream(scratch, starts);
        int largest = 0;
        for (int f = 0; f < starts.size(); f++) {
          int end = f + 1 < starts.size() ? starts.get(f + 1) : input.length;
          largest = Math.max(largest, end - starts.get(f));
        }
        // A frame exactly at frame_max must pass: the limit counts the 8 bytes of overhead.
        long maxFrameSize = random.r.nextBoolean() ? largest : 0;
        reencoded.clear();
        Outcome outcome =
            decode(
                maxFrameSize,
                reads(random.r, input),
                frame -> Arbitrary.write(reencoded, (Frame) frame));
        byte[] output = ByteBufUtil.getBytes(reencoded);
        if (!outcome.errors().isEmpty() || !outcome.released() || !Arrays.equals(input, output)) {
          failures.add(
              describe(i, "none", maxFrameSize, input, outcome) + "\n  re-encoded " + hex(output));
        }
      }
    } finally {
      scratch.release();
      reencoded.release();
    }
    assertThat(failures).as(report(failures, VALID_CASES)).isEmpty();
  }

  @Test
  void mutatedFramesFailOnlyWithFrameLevelProtocolErrors() {
    fuzz();
  }

  private static void fuzz() {
    List<String> failures = new ArrayList<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    ByteBuf scratch = Arbitrary.untracked();
    try {
      for (int i = 0; i < MUTATED_CASES; i++) {
        Arbitrary random = new Arbitrary(new SplittableRandom(MUTATED_SEED + i));
        Mutation mutation = Mutation.values()[i % Mutation.values().length];
        long maxFrameSize = FRAME_MAX[random.r.nextInt(FRAME_MAX.length)];
        byte[] input = mutation.apply(random, scratch, maxFrameSize);
        Outcome outcome = decode(maxFrameSize, reads(random.r, input), frame -> {});
        List<Throwable> errors = outcome.errors();
        // One error at most: after it the decoder is poisoned and must swallow the rest.
        if (!outcome.released()
            || outcome.frames() < 0
            || errors.size() > 1
            || !errors.stream().allMatch(RandomizedDecoderTest::isFrameLevel)) {
          failures.add(describe(i, mutation.name(), maxFrameSize, input, outcome));
        } else if (!errors.isEmpty()) {
          AmqpException error = (AmqpException) errors.get(0).getCause();
          outcomes.merge("error " + error.replyCode().code(), 1, Integer::sum);
        }
        outcomes.merge(
            outcome.frames() > 0 ? "decoded a frame" : "decoded nothing", 1, Integer::sum);
      }
    } finally {
      scratch.release();
    }
    assertThat(failures).as(report(failures, MUTATED_CASES)).isEmpty();
    // Guards the fuzzer itself: a mix that stopped reaching the argument decoders would pass.
    for (String outcome : List.of("decoded a frame", "error 501", "error 502", "error 540")) {
      assertThat(outcomes.getOrDefault(outcome, 0))
          .as("%s in %s", outcome, outcomes)
          .isGreaterThan(100);
    }
  }

  /** The smallest input for the timestamp bug: a content header whose timestamp is 2^63-1 s. */
  @Test
  void timestampPropertyBeyondInstantRangeIsAProtocolError() {
    assertOnlyFrameLevelErrors(
        0,
        "02 0001 00000016" // header frame, channel 1, payload 22
            + " 003c 0000 0000000000000000" // class 60, weight 0, body size 0
            + " 0040 7fffffffffffffff" // flags: timestamp only; timestamp 2^63-1
            + " ce",
        true);
  }

  /** The same bug through a field-table 'T' value. */
  @Test
  void timestampFieldBeyondInstantRangeIsAProtocolError() {
    assertOnlyFrameLevelErrors(
        0,
        "02 0001 0000001d 003c 0000 0000000000000000" // header frame, payload 29
            + " 2000 0000000b" // flags: headers only; a table of 11 bytes
            + " 01 54 54 7fffffffffffffff" // "T" = 'T' 2^63-1
            + " ce",
        true);
  }

  /**
   * frame-max is an unsigned 32-bit field, so a peer may settle on up to 2^32-1; a size field of
   * 2^31 or more must then not overflow the decoder's int arithmetic.
   */
  @Test
  void frameMaxBeyondTwoGibibytesDoesNotOverflow() {
    assertOnlyFrameLevelErrors(0xFFFF_FFFFL, "03 0001 80000000 00", false);
  }

  private static void assertOnlyFrameLevelErrors(long maxFrameSize, String hex, boolean mustFail) {
    byte[] input = HexFormat.of().parseHex(hex.replace(" ", ""));
    Outcome outcome =
        decode(maxFrameSize, List.of(Arbitrary.untracked().writeBytes(input)), frame -> {});
    assertThat(outcome.errors())
        .as(describe(0, "none", maxFrameSize, input, outcome))
        .hasSizeLessThanOrEqualTo(1)
        .allMatch(RandomizedDecoderTest::isFrameLevel);
    if (mustFail) {
      assertThat(outcome.errors()).hasSize(1);
    }
    assertThat(outcome.released()).isTrue();
  }

  @Test
  void everyMethodOfTheSpecIsAmongTheGeneratedOnes() {
    Set<Class<?>> generated = new HashSet<>();
    Arbitrary random = new Arbitrary(new SplittableRandom(SEED));
    for (Function<Arbitrary, Method> factory : Arbitrary.METHODS) {
      generated.add(factory.apply(random).getClass());
    }
    Set<Class<?>> spec = new HashSet<>();
    for (Class<?> holder :
        List.of(
            Connection.class,
            Channel.class,
            Access.class,
            Exchange.class,
            Queue.class,
            Basic.class,
            Confirm.class,
            Tx.class)) {
      for (Class<?> nested : holder.getDeclaredClasses()) {
        if (Method.class.isAssignableFrom(nested)) {
          spec.add(nested);
        }
      }
    }
    assertThat(generated).isEqualTo(spec);
  }

  /**
   * What one input did.
   *
   * @param frames how many frames came out; negative when anything else came out
   * @param errors what the channel threw
   * @param released whether every read ended with no references left: a body frame is a slice
   *     sharing its read's count, so a frame or a cumulation left unreleased shows up here even
   *     before the leak detector notices
   */
  private record Outcome(int frames, List<Throwable> errors, boolean released) {}

  /**
   * Runs the reads through a fresh decoder (one per input: an error poisons it by design), hands
   * each frame to {@code inspect}, then releases it.
   */
  private static Outcome decode(long maxFrameSize, List<ByteBuf> reads, Consumer<Object> inspect) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(maxFrameSize));
    List<Throwable> errors = new ArrayList<>();
    int frames = 0;
    for (ByteBuf read : reads) {
      try {
        channel.writeInbound(read);
      } catch (RuntimeException e) {
        errors.add(e);
      }
      frames += drain(channel, inspect);
    }
    try {
      channel.finish();
    } catch (RuntimeException e) {
      errors.add(e);
    }
    frames += drain(channel, inspect);
    boolean released = reads.stream().allMatch(read -> read.refCnt() == 0);
    return new Outcome(frames, errors, released);
  }

  /** Returns how many frames were read, or a negative count when anything else was. */
  private static int drain(EmbeddedChannel channel, Consumer<Object> inspect) {
    int frames = 0;
    for (Object frame; (frame = channel.readInbound()) != null; ) {
      try {
        frames += frame instanceof Frame ? 1 : -1_000_000;
        inspect.accept(frame);
      } finally {
        ReferenceCountUtil.release(frame);
      }
    }
    return frames;
  }

  /**
   * Cuts the input into reads: mostly whole, sometimes at random points or byte by byte, in heap
   * buffers the detector does not track (cheap) or in tracked pooled ones.
   */
  private static List<ByteBuf> reads(RandomGenerator r, byte[] input) {
    int mode = r.nextInt(100);
    if (mode < 90) {
      // Not Unpooled.wrappedBuffer: for no bytes that is EMPTY_BUFFER, whose count stays at 1.
      return List.of(Arbitrary.untracked().writeBytes(input));
    } else if (mode < 95 || input.length < 2) {
      return List.of(ByteBufAllocator.DEFAULT.buffer(input.length).writeBytes(input));
    }
    int pieces = mode < 98 || input.length > 64 ? 2 + r.nextInt(3) : input.length;
    List<ByteBuf> reads = new ArrayList<>();
    int at = 0;
    for (int p = pieces - 1; p > 0 && at < input.length; p--) {
      int length = pieces == input.length ? 1 : r.nextInt(input.length - at + 1);
      reads.add(ByteBufAllocator.DEFAULT.buffer(length).writeBytes(input, at, length));
      at += length;
    }
    reads.add(ByteBufAllocator.DEFAULT.buffer().writeBytes(input, at, input.length - at));
    return reads;
  }

  private static boolean isFrameLevel(Throwable error) {
    return error instanceof DecoderException
        && error.getCause() instanceof AmqpException amqp
        && FRAME_LEVEL_CODES.contains(amqp.replyCode().code());
  }

  private static String describe(
      int index, String mutation, long maxFrameSize, byte[] input, Outcome outcome) {
    StringBuilder text =
        new StringBuilder()
            .append("case ")
            .append(index)
            .append(" (")
            .append(mutation)
            .append(", frame_max ")
            .append(maxFrameSize)
            .append("): ")
            .append(outcome.frames())
            .append(" frames, inputs released ")
            .append(outcome.released())
            .append("\n  input ")
            .append(hex(input));
    for (Throwable error : outcome.errors()) {
      text.append("\n  ").append(error);
      for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
        text.append("\n  caused by ").append(cause);
        StackTraceElement[] trace = cause.getStackTrace();
        for (int k = 0; k < Math.min(trace.length, 12); k++) {
          text.append("\n    at ").append(trace[k]);
        }
      }
    }
    return text.toString();
  }

  private static String report(List<String> failures, int cases) {
    return failures.size()
        + " of "
        + cases
        + " cases failed; the first ones:\n"
        + String.join("\n", failures.subList(0, Math.min(REPORTED, failures.size())));
  }

  private static String hex(byte[] bytes) {
    String all = HexFormat.of().formatHex(bytes);
    return all.length() > 400 ? all.substring(0, 400) + "... (" + bytes.length + " bytes)" : all;
  }
}
