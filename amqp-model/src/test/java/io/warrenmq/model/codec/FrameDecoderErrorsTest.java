package io.warrenmq.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.Queue;
import io.warrenmq.model.generated.ReplyCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of malformed input becomes the protocol error RabbitMQ would close with. */
class FrameDecoderErrorsTest {

  private static ReplyCode decodeError(long maxFrameSize, ByteBuf input) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(maxFrameSize));
    Throwable thrown = catchThrowable(() -> channel.writeInbound(input));
    channel.finishAndReleaseAll();
    assertThat(thrown).isInstanceOf(DecoderException.class).hasCauseInstanceOf(AmqpException.class);
    return ((AmqpException) thrown.getCause()).replyCode();
  }

  private static ByteBuf frame(int type, int channel, ByteBuf payload, int end) {
    ByteBuf out = Unpooled.buffer();
    out.writeByte(type).writeShort(channel).writeInt(payload.readableBytes());
    out.writeBytes(payload);
    out.writeByte(end);
    payload.release();
    return out;
  }

  private static ByteBuf declarePayload() {
    Queue.Declare declare = new Queue.Declare("q", false, true, false, false, false, Map.of());
    ByteBuf payload = Unpooled.buffer();
    payload.writeShort(50).writeShort(10);
    declare.writeArguments(payload);
    return payload;
  }

  @Test
  void badFrameEndIsAFrameError() {
    assertThat(decodeError(0, frame(1, 1, declarePayload(), 0xCD)))
        .isEqualTo(ReplyCode.FRAME_ERROR);
  }

  @Test
  void frameLargerThanFrameMaxIsAFrameErrorBeforeItArrives() {
    ByteBuf header = Unpooled.buffer().writeByte(3).writeShort(1).writeInt(5000);
    assertThat(decodeError(4096, header)).isEqualTo(ReplyCode.FRAME_ERROR);
  }

  @Test
  void unknownFrameTypeIsAFrameError() {
    assertThat(decodeError(0, frame(7, 0, Unpooled.buffer(), 0xCE)))
        .isEqualTo(ReplyCode.FRAME_ERROR);
  }

  @Test
  void unknownMethodIsNotImplemented() {
    ByteBuf payload = Unpooled.buffer().writeShort(50).writeShort(99);
    assertThat(decodeError(0, frame(1, 1, payload, 0xCE))).isEqualTo(ReplyCode.NOT_IMPLEMENTED);
    ByteBuf unknownClass = Unpooled.buffer().writeShort(77).writeShort(10);
    assertThat(decodeError(0, frame(1, 1, unknownClass, 0xCE)))
        .isEqualTo(ReplyCode.NOT_IMPLEMENTED);
  }

  @Test
  void truncatedArgumentsAreAFrameErrorNamingTheMethod() {
    ByteBuf payload = declarePayload();
    payload.writerIndex(payload.writerIndex() - 3);
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(0));
    Throwable thrown = catchThrowable(() -> channel.writeInbound(frame(1, 1, payload, 0xCE)));
    channel.finishAndReleaseAll();
    AmqpException error = (AmqpException) thrown.getCause();
    assertThat(error.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR);
    assertThat(error.classId()).isEqualTo(50);
    assertThat(error.methodId()).isEqualTo(10);
  }

  @Test
  void tableThatOverrunsTheFrameIsAFrameError() {
    ByteBuf payload = Unpooled.buffer().writeShort(50).writeShort(10);
    payload.writeShort(0).writeByte(1).writeByte('q').writeByte(0).writeInt(1_000_000);
    assertThat(decodeError(0, frame(1, 1, payload, 0xCE))).isEqualTo(ReplyCode.FRAME_ERROR);
  }

  @Test
  void unknownFieldTypeIsASyntaxError() {
    ByteBuf payload = Unpooled.buffer().writeShort(50).writeShort(10);
    payload.writeShort(0).writeByte(1).writeByte('q').writeByte(0);
    payload.writeInt(3).writeByte(1).writeByte('k').writeByte('Q');
    assertThat(decodeError(0, frame(1, 1, payload, 0xCE))).isEqualTo(ReplyCode.SYNTAX_ERROR);
  }

  @Test
  void heartbeatOnAChannelIsAFrameError() {
    assertThat(decodeError(0, frame(8, 5, Unpooled.buffer(), 0xCE)))
        .isEqualTo(ReplyCode.FRAME_ERROR);
  }

  @Test
  void contentHeaderWithUnknownPropertyFlagIsAFrameError() {
    ByteBuf payload =
        Unpooled.buffer().writeShort(60).writeShort(0).writeLong(0).writeShort(0x0002);
    assertThat(decodeError(0, frame(2, 1, payload, 0xCE))).isEqualTo(ReplyCode.FRAME_ERROR);
  }

  @Test
  void decoderIsPoisonedAfterAnErrorAndDiscardsTheRest() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(0));
    catchThrowable(() -> channel.writeInbound(frame(9, 0, Unpooled.buffer(), 0xCE)));
    ByteBuf valid = frame(1, 1, declarePayload(), 0xCE);
    assertThat(channel.writeInbound(valid)).isFalse();
    assertThat((Object) channel.readInbound()).isNull();
    channel.finishAndReleaseAll();
  }

  @Test
  void validFrameAfterValidFrameDecodes() {
    ByteBuf twoFrames = Unpooled.buffer();
    twoFrames.writeBytes(frame(1, 1, declarePayload(), 0xCE));
    ByteBuf second = frame(1, 2, declarePayload(), 0xCE);
    twoFrames.writeBytes(second);
    second.release();
    var frames = Frames.decode(twoFrames, false);
    assertThat(frames).hasSize(2);
    assertThat(((MethodFrame) frames.get(1)).channel()).isEqualTo(2);
  }
}
