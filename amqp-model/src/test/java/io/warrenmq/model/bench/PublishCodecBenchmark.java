package io.warrenmq.model.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.warrenmq.model.Command;
import io.warrenmq.model.Frame;
import io.warrenmq.model.codec.CommandAssembler;
import io.warrenmq.model.codec.FrameDecoder;
import io.warrenmq.model.codec.FrameEncoder;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decodes and encodes one publish: a basic.publish method frame, a content header frame and a body
 * frame of 12 bytes, as a client sends it (93 bytes on the wire). One operation is one publish; the
 * goal is at least 3 million decoded publishes per second on one core.
 *
 * <p>Not a test (Surefire never runs it); run it with {@code bash amqp-model/bench.sh} from the
 * repository root, which passes any JMH arguments through, e.g. {@code bash amqp-model/bench.sh
 * -prof gc}.
 *
 * <ul>
 *   <li>{@link #decode}: the frame parser and the {@link CommandAssembler}, called directly,
 *       without a pipeline: the codec's own cost. The bytes arrive in a pooled direct buffer, as
 *       from a socket; the decoded command is released, which releases the body's slice of it.
 *   <li>{@link #decodePipeline}: the same through {@link FrameDecoder} in a channel pipeline, as a
 *       socket's read delivers it: {@code ByteToMessageDecoder}'s cumulation and one pipeline
 *       hand-off per frame come on top, and the assembler runs in the next handler. The channel is
 *       an {@link EmbeddedChannel}, but the buffer goes in with {@code fireChannelRead}: its {@code
 *       writeInbound}/{@code readInbound} would add a task run and a queue per write that no socket
 *       pays. Each read carries one publish, the worst case: a busy socket's reads carry many,
 *       which spreads the per-read cost.
 *   <li>{@link #encode}: a client's publish: a {@link Command} of a new basic.publish, shared
 *       properties and a wrapped 12-byte array, encoded into one pooled buffer that is then
 *       released.
 * </ul>
 *
 * <p>{@link FrameDecoder} has no public entry point below {@code ByteToMessageDecoder}, so {@link
 * #decode} calls its private frame parser through a method handle (constant, so the JIT inlines it
 * like a direct call); if that method is renamed the benchmark fails at class initialisation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PublishCodecBenchmark {
  private static final int CHANNEL = 1;
  private static final String EXCHANGE = "amq.direct";
  private static final String ROUTING_KEY = "bench.orders";
  private static final BasicProperties PROPERTIES =
      BasicProperties.builder().contentType("text/plain").deliveryMode(2).build();
  private static final byte[] BODY = "Hello world!".getBytes(StandardCharsets.US_ASCII);

  private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
  private final List<Object> encoded = new ArrayList<>(4);

  /** The publish as it arrives: one pooled direct buffer holding the three frames. */
  private ByteBuf wire;

  private FrameDecoder decoder;
  private CommandAssembler assembler;
  private EmbeddedChannel pipeline;
  private Assembling assembling;
  private FrameEncoder encoder;

  @Setup(Level.Trial)
  public void setUp() {
    if (BODY.length != 12) {
      throw new AssertionError("body must be 12 bytes: " + BODY.length);
    }
    decoder = new FrameDecoder(131072);
    assembler = new CommandAssembler(CHANNEL, 128L * 1024 * 1024);
    assembling = new Assembling(new CommandAssembler(CHANNEL, 128L * 1024 * 1024));
    pipeline = new EmbeddedChannel(new FrameDecoder(131072), assembling);
    encoder = new FrameEncoder(131072);

    Command publish = newPublish();
    encoder.encode(alloc, publish, encoded);
    publish.release();
    if (encoded.size() != 1) {
      throw new AssertionError("expected the publish in one buffer, got " + encoded);
    }
    ByteBuf bytes = (ByteBuf) encoded.get(0);
    encoded.clear();
    wire = alloc.directBuffer(bytes.readableBytes()).writeBytes(bytes);
    bytes.release();

    check(decodeDirect(wire.retainedDuplicate()), "decode");
    check(decodeThroughPipeline(), "decodePipeline");
    checkNoLeak();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    checkNoLeak();
    pipeline.finishAndReleaseAll();
    wire.release();
  }

  @Benchmark
  public void decode(Blackhole bh) {
    consume(bh, decodeDirect(wire.retainedDuplicate()));
  }

  @Benchmark
  public void decodePipeline(Blackhole bh) {
    consume(bh, decodeThroughPipeline());
  }

  @Benchmark
  public void encode() {
    Command command = newPublish();
    try {
      encoder.encode(alloc, command, encoded);
      for (int i = 0; i < encoded.size(); i++) {
        ((ByteBuf) encoded.get(i)).release();
      }
    } finally {
      encoded.clear();
      command.release();
    }
  }

  /** Decodes every whole frame of {@code in} into a command, then releases {@code in}. */
  private Command decodeDirect(ByteBuf in) {
    try {
      Command command = null;
      for (Frame frame; (frame = decoder.decodeFrame(in)) != null; ) {
        command = assembler.accept(frame);
      }
      return command;
    } finally {
      in.release();
    }
  }

  /** Reads {@link #wire} into the pipeline and takes the command its last handler assembled. */
  private Command decodeThroughPipeline() {
    pipeline.pipeline().fireChannelRead(wire.retainedDuplicate());
    pipeline.checkException();
    Command command = assembling.command;
    assembling.command = null;
    return command;
  }

  private static Command newPublish() {
    return Command.withContent(
        CHANNEL,
        new Basic.Publish(EXCHANGE, ROUTING_KEY, false, false),
        PROPERTIES,
        Unpooled.wrappedBuffer(BODY));
  }

  private static void consume(Blackhole bh, Command command) {
    bh.consume(command.method());
    bh.consume(command.properties());
    bh.consume(command.body());
    command.release();
  }

  private static void check(Command command, String path) {
    try {
      if (command == null
          || !command.method().equals(new Basic.Publish(EXCHANGE, ROUTING_KEY, false, false))
          || !command.properties().equals(PROPERTIES)
          || !Arrays.equals(ByteBufUtil.getBytes(command.body()), BODY)) {
        throw new AssertionError(path + " decoded " + command);
      }
    } finally {
      if (command != null) {
        command.release();
      }
    }
  }

  /** Every decoded body is a retained slice of {@link #wire}; all of them must be released. */
  private void checkNoLeak() {
    if (wire.refCnt() != 1
        || assembler.isAssembling()
        || assembling.assembler.isAssembling()
        || assembling.command != null) {
      throw new AssertionError("leak: wire refCnt " + wire.refCnt() + " or a command pending");
    }
  }

  /** The handler after the decoder: assembles frames and keeps the command for the benchmark. */
  private static final class Assembling extends ChannelInboundHandlerAdapter {
    final CommandAssembler assembler;
    Command command;

    Assembling(CommandAssembler assembler) {
      this.assembler = assembler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Command assembled = assembler.accept((Frame) msg);
      if (assembled != null) {
        if (command != null) {
          command.release();
          throw new IllegalStateException("two commands from one publish");
        }
        command = assembled;
      }
    }
  }
}
