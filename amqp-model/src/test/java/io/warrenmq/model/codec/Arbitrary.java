package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.warrenmq.model.ContentBodyFrame;
import io.warrenmq.model.ContentHeaderFrame;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.UnsignedByte;
import io.warrenmq.model.UnsignedInt;
import io.warrenmq.model.UnsignedShort;
import io.warrenmq.model.generated.Access;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Confirm;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.Exchange;
import io.warrenmq.model.generated.Queue;
import io.warrenmq.model.generated.Tx;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Random values of the AMQP domains, and streams of valid frames made of them. */
final class Arbitrary {
  /** Random arguments for every method of the spec, built through the generated records. */
  static final List<Function<Arbitrary, Method>> METHODS =
      List.of(
          a -> new Connection.Start(a.octet(), a.octet(), a.table(0), a.longStr(), a.longStr()),
          a -> new Connection.StartOk(a.table(0), a.shortStr(), a.longStr(), a.shortStr()),
          a -> new Connection.Secure(a.longStr()),
          a -> new Connection.SecureOk(a.longStr()),
          a -> new Connection.Tune(a.u16(), a.u32(), a.u16()),
          a -> new Connection.TuneOk(a.u16(), a.u32(), a.u16()),
          a -> new Connection.Open(a.shortStr()),
          a -> new Connection.OpenOk(),
          a -> new Connection.Close(a.u16(), a.shortStr(), a.u16(), a.u16()),
          a -> new Connection.CloseOk(),
          a -> new Connection.Blocked(a.shortStr()),
          a -> new Connection.Unblocked(),
          a -> new Connection.UpdateSecret(a.longStr(), a.shortStr()),
          a -> new Connection.UpdateSecretOk(),
          a -> new Channel.Open(),
          a -> new Channel.OpenOk(),
          a -> new Channel.Flow(a.bit()),
          a -> new Channel.FlowOk(a.bit()),
          a -> new Channel.Close(a.u16(), a.shortStr(), a.u16(), a.u16()),
          a -> new Channel.CloseOk(),
          a -> new Access.Request(a.shortStr(), a.bit(), a.bit(), a.bit(), a.bit(), a.bit()),
          a -> new Access.RequestOk(a.u16()),
          a ->
              new Exchange.Declare(
                  a.shortStr(),
                  a.shortStr(),
                  a.bit(),
                  a.bit(),
                  a.bit(),
                  a.bit(),
                  a.bit(),
                  a.table(0)),
          a -> new Exchange.DeclareOk(),
          a -> new Exchange.Delete(a.shortStr(), a.bit(), a.bit()),
          a -> new Exchange.DeleteOk(),
          a -> new Exchange.Bind(a.shortStr(), a.shortStr(), a.shortStr(), a.bit(), a.table(0)),
          a -> new Exchange.BindOk(),
          a -> new Exchange.Unbind(a.shortStr(), a.shortStr(), a.shortStr(), a.bit(), a.table(0)),
          a -> new Exchange.UnbindOk(),
          a ->
              new Queue.Declare(
                  a.shortStr(), a.bit(), a.bit(), a.bit(), a.bit(), a.bit(), a.table(0)),
          a -> new Queue.DeclareOk(a.shortStr(), a.u32(), a.u32()),
          a -> new Queue.Bind(a.shortStr(), a.shortStr(), a.shortStr(), a.bit(), a.table(0)),
          a -> new Queue.BindOk(),
          a -> new Queue.Purge(a.shortStr(), a.bit()),
          a -> new Queue.PurgeOk(a.u32()),
          a -> new Queue.Delete(a.shortStr(), a.bit(), a.bit(), a.bit()),
          a -> new Queue.DeleteOk(a.u32()),
          a -> new Queue.Unbind(a.shortStr(), a.shortStr(), a.shortStr(), a.table(0)),
          a -> new Queue.UnbindOk(),
          a -> new Basic.Qos(a.u32(), a.u16(), a.bit()),
          a -> new Basic.QosOk(),
          a ->
              new Basic.Consume(
                  a.shortStr(), a.shortStr(), a.bit(), a.bit(), a.bit(), a.bit(), a.table(0)),
          a -> new Basic.ConsumeOk(a.shortStr()),
          a -> new Basic.Cancel(a.shortStr(), a.bit()),
          a -> new Basic.CancelOk(a.shortStr()),
          a -> new Basic.Publish(a.shortStr(), a.shortStr(), a.bit(), a.bit()),
          a -> new Basic.Return(a.u16(), a.shortStr(), a.shortStr(), a.shortStr()),
          a -> new Basic.Deliver(a.shortStr(), a.r.nextLong(), a.bit(), a.shortStr(), a.shortStr()),
          a -> new Basic.Get(a.shortStr(), a.bit()),
          a -> new Basic.GetOk(a.r.nextLong(), a.bit(), a.shortStr(), a.shortStr(), a.u32()),
          a -> new Basic.GetEmpty(),
          a -> new Basic.Ack(a.r.nextLong(), a.bit()),
          a -> new Basic.Reject(a.r.nextLong(), a.bit()),
          a -> new Basic.RecoverAsync(a.bit()),
          a -> new Basic.Recover(a.bit()),
          a -> new Basic.RecoverOk(),
          a -> new Basic.Nack(a.r.nextLong(), a.bit(), a.bit()),
          a -> new Confirm.Select(a.bit()),
          a -> new Confirm.SelectOk(),
          a -> new Tx.Select(),
          a -> new Tx.SelectOk(),
          a -> new Tx.Commit(),
          a -> new Tx.CommitOk(),
          a -> new Tx.Rollback(),
          a -> new Tx.RollbackOk());

  /** Every tag; the last two nest and are left out below the depth limit. */
  private static final String TAGS = "tbBsuIilfdDSxTVAF";

  private static final int[] CODE_POINTS = {'a', 'Z', '.', '-', 0xE9, 0x20AC, 0x1F600, 0x4E2D};

  final RandomGenerator r;

  Arbitrary(RandomGenerator r) {
    this.r = r;
  }

  /** One to three valid frames, encoded; {@code starts} receives each frame's offset. */
  byte[] stream(ByteBuf scratch, List<Integer> starts) {
    scratch.clear();
    for (int n = 1 + r.nextInt(3); n > 0; n--) {
      starts.add(scratch.writerIndex());
      Frame frame = frame();
      try {
        write(scratch, frame);
      } finally {
        ReferenceCountUtil.release(frame);
      }
    }
    return ByteBufUtil.getBytes(scratch);
  }

  Frame frame() {
    int kind = r.nextInt(20);
    int channel = r.nextInt(4) == 0 ? 0 : r.nextInt(65536);
    if (kind < 14) {
      return new MethodFrame(channel, METHODS.get(r.nextInt(METHODS.size())).apply(this));
    } else if (kind < 17) {
      long bodySize = r.nextBoolean() ? r.nextLong(0, Long.MAX_VALUE) : r.nextInt(100_000);
      return new ContentHeaderFrame(channel, Basic.CLASS_INDEX, bodySize, properties());
    } else if (kind < 19) {
      return new ContentBodyFrame(channel, Unpooled.wrappedBuffer(bytes(r.nextInt(64))));
    }
    return HeartbeatFrame.INSTANCE;
  }

  BasicProperties properties() {
    return BasicProperties.builder()
        .contentType(maybe(this::shortStr))
        .contentEncoding(maybe(this::shortStr))
        .headers(r.nextBoolean() ? table(0) : null)
        .deliveryMode(r.nextBoolean() ? octet() : null)
        .priority(r.nextBoolean() ? octet() : null)
        .correlationId(maybe(this::shortStr))
        .replyTo(maybe(this::shortStr))
        .expiration(maybe(this::shortStr))
        .messageId(maybe(this::shortStr))
        .timestamp(r.nextBoolean() ? timestamp() : null)
        .type(maybe(this::shortStr))
        .userId(maybe(this::shortStr))
        .appId(maybe(this::shortStr))
        .clusterId(maybe(this::shortStr))
        .build();
  }

  private String maybe(java.util.function.Supplier<String> value) {
    return r.nextBoolean() ? value.get() : null;
  }

  boolean bit() {
    return r.nextBoolean();
  }

  int octet() {
    return r.nextInt(256);
  }

  int u16() {
    return r.nextInt(65536);
  }

  long u32() {
    return r.nextLong(0, 1L << 32);
  }

  Instant timestamp() {
    return Instant.ofEpochSecond(r.nextLong(0, 1L << 34));
  }

  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    r.nextBytes(bytes);
    return bytes;
  }

  LongString longStr() {
    return LongString.of(bytes(r.nextInt(48)));
  }

  /** Mostly short ASCII; some multi-byte UTF-8; a few near the 255-byte limit. */
  String shortStr() {
    int kind = r.nextInt(10);
    StringBuilder text = new StringBuilder();
    if (kind == 9) {
      for (int n = 200 + r.nextInt(56); n > 0; n--) {
        text.append((char) ('a' + r.nextInt(26)));
      }
    } else if (kind >= 7) {
      for (int n = 1 + r.nextInt(20); n > 0; n--) {
        text.appendCodePoint(CODE_POINTS[r.nextInt(CODE_POINTS.length)]);
      }
    } else {
      for (int n = r.nextInt(kind == 0 ? 1 : 24); n > 0; n--) {
        text.append((char) (' ' + r.nextInt(95)));
      }
    }
    return text.toString();
  }

  Map<String, Object> table(int depth) {
    Map<String, Object> table = new LinkedHashMap<>();
    for (int n = r.nextInt(depth == 0 ? 6 : 3); n > 0; n--) {
      table.put(shortStr(), value(depth));
    }
    return table;
  }

  /** A value of every RabbitMQ field type; nested tables and arrays at most two deep. */
  Object value(int depth) {
    char tag = TAGS.charAt(r.nextInt(depth < 2 ? TAGS.length() : TAGS.length() - 2));
    return switch (tag) {
      case 't' -> r.nextBoolean();
      case 'b' -> (byte) r.nextInt();
      case 'B' -> new UnsignedByte(octet());
      case 's' -> (short) r.nextInt();
      case 'u' -> new UnsignedShort(u16());
      case 'I' -> r.nextInt();
      case 'i' -> new UnsignedInt(u32());
      case 'l' -> r.nextLong();
      case 'f' -> r.nextFloat() * r.nextInt(-1000, 1000);
      case 'd' -> r.nextDouble() * r.nextLong();
      case 'D' -> new BigDecimal(BigInteger.valueOf(r.nextInt()), r.nextInt(256));
        // A leading 0xFF is never UTF-8, so such a value decodes back to a LongString.
      case 'S' -> r.nextBoolean() ? shortStr() : LongString.of(withFf(bytes(r.nextInt(32))));
      case 'x' -> bytes(r.nextInt(32));
      case 'T' -> timestamp();
      case 'A' -> array(depth + 1);
      case 'F' -> table(depth + 1);
      default -> null;
    };
  }

  private List<Object> array(int depth) {
    List<Object> array = new ArrayList<>();
    for (int n = r.nextInt(4); n > 0; n--) {
      array.add(value(depth));
    }
    return array;
  }

  private static byte[] withFf(byte[] bytes) {
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) 0xFF;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  /**
   * A growable heap buffer the leak detector does not track: at the paranoid level every access to
   * a tracked buffer records a stack trace, which would make generating inputs the slow part.
   */
  static ByteBuf untracked() {
    return new UnpooledHeapByteBuf(UnpooledByteBufAllocator.DEFAULT, 256, Integer.MAX_VALUE);
  }

  /** Writes a frame with the production writers; the caller keeps ownership of the frame. */
  static void write(ByteBuf out, Frame frame) {
    if (frame instanceof MethodFrame method) {
      FrameWriter.writeMethodFrame(out, method.channel(), method.method());
    } else if (frame instanceof ContentHeaderFrame header) {
      BasicProperties properties = header.properties();
      FrameWriter.writeHeaderFrame(
          out,
          header.channel(),
          header.classId(),
          header.bodySize(),
          properties,
          properties.encodedSize());
    } else if (frame instanceof ContentBodyFrame body) {
      ByteBuf content = body.content();
      FrameWriter.writeFrameHeader(
          out, AmqpConstants.FRAME_BODY, body.channel(), content.readableBytes());
      out.writeBytes(content, content.readerIndex(), content.readableBytes());
      out.writeByte(AmqpConstants.FRAME_END);
    } else {
      FrameWriter.writeHeartbeat(out);
    }
  }
}
