package io.warrenmq.broker.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.ProtocolHeader;
import io.warrenmq.model.codec.FrameWriter;
import io.warrenmq.model.codec.Wire;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.MethodCodec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;

/** A blocking frame-level client for cases the official client cannot produce. */
final class RawClient implements AutoCloseable {
  final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void send(int channel, Method method) throws IOException {
    ByteBuf buf = Unpooled.buffer();
    try {
      FrameWriter.writeMethodFrame(buf, channel, method);
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      sendBytes(bytes);
    } finally {
      buf.release();
    }
  }

  /** The next method frame's method (skipping heartbeats), or null at end of stream. */
  Method readMethod() throws IOException {
    while (true) {
      int type;
      try {
        type = in.readUnsignedByte();
      } catch (EOFException e) {
        return null;
      }
      in.readUnsignedShort();
      int size = in.readInt();
      byte[] payload = new byte[size];
      in.readFully(payload);
      in.readUnsignedByte();
      if (type == 1) {
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        return MethodCodec.read(Wire.readShort(buf), Wire.readShort(buf), buf);
      }
    }
  }

  /** True when the broker closed the socket (reads EOF) within the socket timeout. */
  boolean closedByPeer() throws IOException {
    try {
      while (in.read() != -1) {
        // drain
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  /** Header, start-ok (PLAIN guest/guest), tune-ok, open "/". */
  void handshake() throws IOException {
    sendBytes(ProtocolHeader.bytes());
    readMethod();
    send(
        0,
        new Connection.StartOk(
            Map.of(), "PLAIN", LongString.of("\u0000guest\u0000guest"), "en_US"));
    Connection.Tune tune = (Connection.Tune) readMethod();
    send(0, new Connection.TuneOk(tune.channelMax(), tune.frameMax(), 0));
    send(0, new Connection.Open("/"));
    readMethod();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
