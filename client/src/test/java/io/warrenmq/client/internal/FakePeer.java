package io.warrenmq.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.model.Command;
import io.warrenmq.model.Frame;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.ProtocolHeader;
import io.warrenmq.model.codec.FrameDecoder;
import io.warrenmq.model.codec.FrameEncoder;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Connection;
import java.util.Map;

/**
 * A scripted broker for unit tests: the client's real pipeline (codecs + {@link ConnectionCore})
 * runs in an {@link EmbeddedChannel}; the test reads what the client wrote as frames and answers
 * with frames encoded by the shared codec.
 */
final class FakePeer implements AutoCloseable {
  final EventQueue events = new EventQueue();
  final ConnectionCore core;
  final EmbeddedChannel client;
  private final EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(0));
  private final EmbeddedChannel encoder = new EmbeddedChannel(new FrameEncoder(0));
  private boolean headerSeen;

  FakePeer(ConnectionParameters params) {
    core = new ConnectionCore(params, events);
    client = new EmbeddedChannel(new FrameDecoder(params.frameMax()), new FrameEncoder(), core);
  }

  /** The next frame the client wrote, or null; the caller releases body frames. */
  Frame nextFrame() {
    client.runPendingTasks();
    Object out;
    while ((out = client.readOutbound()) != null) {
      ByteBuf buf = (ByteBuf) out;
      if (!headerSeen) {
        if (!ProtocolHeader.matches(buf, buf.readerIndex())) {
          throw new AssertionError("client did not start with the protocol header");
        }
        buf.skipBytes(ProtocolHeader.LENGTH);
        headerSeen = true;
      }
      decoder.writeInbound(buf);
    }
    return decoder.readInbound();
  }

  /** The next method the client wrote (on any channel), or null. */
  Method nextMethod() {
    Frame frame = nextFrame();
    if (frame == null) {
      return null;
    }
    if (!(frame instanceof MethodFrame method)) {
      ReferenceCountUtil.release(frame);
      throw new AssertionError("expected a method frame, got " + frame);
    }
    return method.method();
  }

  /** Sends a method to the client. */
  void send(int channel, Method method) {
    deliver(Command.of(channel, method));
  }

  /** Sends a content-bearing method to the client. */
  void sendContent(int channel, Method method, BasicProperties props, byte[] body) {
    deliver(
        Command.withContent(channel, method, props, io.netty.buffer.Unpooled.wrappedBuffer(body)));
  }

  private void deliver(Command command) {
    encoder.writeOutbound(command);
    Object out;
    while ((out = encoder.readOutbound()) != null) {
      client.writeInbound(out);
    }
    client.runPendingTasks();
  }

  /** Runs the handshake with broker tuning (channel_max, frame_max, heartbeat). */
  void handshake(int channelMax, long frameMax, int heartbeat) {
    send(
        0,
        new Connection.Start(
            0,
            9,
            Map.of(),
            io.warrenmq.model.LongString.of("PLAIN AMQPLAIN"),
            io.warrenmq.model.LongString.of("en_US")));
    nextMethod(); // start-ok
    send(0, new Connection.Tune(channelMax, frameMax, heartbeat));
    encoder.pipeline().get(FrameEncoder.class).setMaxFrameSize(frameMax);
    nextMethod(); // tune-ok
    nextMethod(); // open
    send(0, new Connection.OpenOk());
  }

  @Override
  public void close() {
    client.finishAndReleaseAll();
    decoder.finishAndReleaseAll();
    encoder.finishAndReleaseAll();
  }
}
