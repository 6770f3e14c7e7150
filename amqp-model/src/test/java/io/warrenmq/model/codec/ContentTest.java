package io.warrenmq.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.ContentBodyFrame;
import io.warrenmq.model.ContentHeaderFrame;
import io.warrenmq.model.Frame;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.ReplyCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties, body splitting by frame_max, and assembly of content commands. */
class ContentTest {
  private static final Basic.Publish PUBLISH = new Basic.Publish("amq.direct", "key", true, false);

  static BasicProperties allProperties() {
    return BasicProperties.builder()
        .contentType("application/json")
        .contentEncoding("utf-8")
        .headers(Map.of("x-attempt", 3, "tags", List.of("a", "b")))
        .deliveryMode(2)
        .priority(9)
        .correlationId("corr-1")
        .replyTo("amq.gen-reply")
        .expiration("60000")
        .messageId("msg-1")
        .timestamp(Instant.ofEpochSecond(1_700_000_000L))
        .type("order.created")
        .userId("guest")
        .appId("tests")
        .clusterId("c1")
        .build();
  }

  @Test
  void eachPropertyAloneAndAllTogetherRoundTrip() {
    BasicProperties all = allProperties();
    BasicProperties.Builder none = BasicProperties.builder();
    List<BasicProperties> cases =
        List.of(
            all,
            BasicProperties.EMPTY,
            none.contentType("text/plain").build(),
            BasicProperties.builder().headers(Map.of()).build(),
            BasicProperties.builder().deliveryMode(1).build(),
            BasicProperties.builder().priority(0).build(),
            BasicProperties.builder().timestamp(Instant.EPOCH).build(),
            BasicProperties.builder().clusterId("").build());
    for (BasicProperties properties : cases) {
      ByteBuf out = Unpooled.buffer();
      properties.writeTo(out);
      assertThat(out.readableBytes()).isEqualTo(properties.encodedSize());
      assertThat(BasicProperties.read(out)).isEqualTo(properties);
      assertThat(out.isReadable()).isFalse();
      out.release();
    }
    assertThat(all.flags()).isEqualTo(0xFFFC);
    assertThat(all.toBuilder().build()).isEqualTo(all);
  }

  @Test
  void continuationFlagWordsWithNoFurtherPropertiesAreAccepted() {
    ByteBuf in = Unpooled.buffer().writeShort(0x8001).writeShort(0x0000);
    Wire.writeShortString(in, "text/plain");
    assertThat(BasicProperties.read(in).contentType()).isEqualTo("text/plain");
    in.release();
  }

  @Test
  void bodyIsCutIntoFramesOfAtMostFrameMax() {
    byte[] text = "0123456789".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    int frameMax = 4096;
    ByteBuf encoded =
        Frames.encode(
            frameMax,
            Command.withContent(1, PUBLISH, allProperties(), Unpooled.wrappedBuffer(text)));
    List<Object> frames = Frames.decode(encoded, false);
    assertThat(frames).hasSize(2 + 3);
    assertThat(frames.get(0)).isEqualTo(new MethodFrame(1, PUBLISH));
    ContentHeaderFrame header = (ContentHeaderFrame) frames.get(1);
    assertThat(header.bodySize()).isEqualTo(text.length);
    assertThat(header.properties()).isEqualTo(allProperties());
    int total = 0;
    for (Object frame : frames.subList(2, frames.size())) {
      int size = ((ContentBodyFrame) frame).content().readableBytes();
      assertThat(size).isLessThanOrEqualTo(frameMax - FrameDecoder.OVERHEAD);
      total += size;
    }
    assertThat(total).isEqualTo(text.length);
    Frames.releaseAll(frames);
  }

  @Test
  void smallBodyIsOneBufferAndEmptyBodyHasNoBodyFrame() {
    List<Object> small =
        Frames.decode(
            Frames.encode(
                0,
                Command.withContent(
                    1, PUBLISH, BasicProperties.EMPTY, Unpooled.wrappedBuffer(new byte[12]))),
            false);
    assertThat(small).hasSize(3);
    Frames.releaseAll(small);
    List<Object> empty =
        Frames.decode(
            Frames.encode(
                0, Command.withContent(1, PUBLISH, BasicProperties.EMPTY, Unpooled.EMPTY_BUFFER)),
            false);
    assertThat(empty).hasSize(2);
    Frames.releaseAll(empty);
  }

  @Test
  void assemblerJoinsSplitBodiesWithoutLosingBytes() {
    byte[] text = "abcdefghij".repeat(2000).getBytes(StandardCharsets.US_ASCII);
    List<Object> frames =
        Frames.decode(
            Frames.encode(
                4096,
                Command.withContent(7, PUBLISH, allProperties(), Unpooled.wrappedBuffer(text))),
            true);
    CommandAssembler assembler = new CommandAssembler(7, 1 << 20);
    Command command = null;
    for (Object frame : frames) {
      assertThat(command).isNull();
      command = assembler.accept((Frame) frame);
    }
    assertThat(command).isNotNull();
    assertThat(command.method()).isEqualTo(PUBLISH);
    assertThat(command.properties()).isEqualTo(allProperties());
    assertThat(ByteBufUtil.getBytes(command.body())).isEqualTo(text);
    assertThat(assembler.isAssembling()).isFalse();
    command.release();
  }

  @Test
  void assemblerRefusesFramesOutOfOrder() {
    CommandAssembler assembler = new CommandAssembler(1, 1 << 20);
    ContentBodyFrame stray = new ContentBodyFrame(1, Unpooled.wrappedBuffer(new byte[3]));
    assertThatThrownBy(() -> assembler.accept(stray))
        .isInstanceOfSatisfying(
            AmqpException.class,
            e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.UNEXPECTED_FRAME));
    assertThat(stray.refCnt()).isZero();

    assertThat(assembler.accept(new MethodFrame(1, PUBLISH))).isNull();
    assertThatThrownBy(() -> assembler.accept(new MethodFrame(1, PUBLISH)))
        .isInstanceOfSatisfying(
            AmqpException.class,
            e -> {
              assertThat(e.replyCode()).isEqualTo(ReplyCode.UNEXPECTED_FRAME);
              assertThat(e.classId()).isEqualTo(60);
              assertThat(e.methodId()).isEqualTo(40);
            });
  }

  @Test
  void assemblerRefusesMoreBodyThanAnnounced() {
    CommandAssembler assembler = new CommandAssembler(1, 1 << 20);
    assembler.accept(new MethodFrame(1, PUBLISH));
    assembler.accept(new ContentHeaderFrame(1, 60, 2, BasicProperties.EMPTY));
    ContentBodyFrame tooBig = new ContentBodyFrame(1, Unpooled.wrappedBuffer(new byte[3]));
    assertThatThrownBy(() -> assembler.accept(tooBig))
        .isInstanceOfSatisfying(
            AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR));
    assertThat(tooBig.refCnt()).isZero();
  }

  @Test
  void assemblerReleasesAPartialBodyOnReset() {
    CommandAssembler assembler = new CommandAssembler(1, 1 << 20);
    assembler.accept(new MethodFrame(1, PUBLISH));
    assembler.accept(new ContentHeaderFrame(1, 60, 10, BasicProperties.EMPTY));
    ByteBuf part = Unpooled.directBuffer(4).writeInt(1);
    assembler.accept(new ContentBodyFrame(1, part));
    assertThat(part.refCnt()).isEqualTo(1);
    assembler.reset();
    assertThat(part.refCnt()).isZero();
    ReferenceCountUtil.release(null);
  }

  @Test
  void bodiesOverTheLimitArePreconditionFailed() {
    CommandAssembler assembler = new CommandAssembler(1, 100);
    assembler.accept(new MethodFrame(1, PUBLISH));
    assertThatThrownBy(
            () -> assembler.accept(new ContentHeaderFrame(1, 60, 101, BasicProperties.EMPTY)))
        .isInstanceOfSatisfying(
            AmqpException.class,
            e -> {
              assertThat(e.replyCode()).isEqualTo(ReplyCode.PRECONDITION_FAILED);
              assertThat(e.isHardError()).isFalse();
            });
  }

  @Test
  void decodedBodyIsASliceOfTheInboundBuffer() {
    ByteBuf encoded =
        Frames.encode(
            0,
            Command.withContent(
                1, PUBLISH, BasicProperties.EMPTY, Unpooled.wrappedBuffer(new byte[12])));
    ByteBuf inbound = Unpooled.directBuffer(encoded.readableBytes()).writeBytes(encoded);
    encoded.release();
    int bodyIndex = inbound.writerIndex() - 13;
    List<Object> frames = Frames.decode(inbound, false);
    ByteBuf content = ((ContentBodyFrame) frames.get(2)).content();
    // Shared memory, not a copy: a change to the inbound bytes shows through the body.
    inbound.setByte(bodyIndex, 0x7F);
    assertThat(content.getByte(0)).isEqualTo((byte) 0x7F);
    Frames.releaseAll(frames);
  }
}
