package io.warrenmq.tck;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.ProtocolHeader;
import io.warrenmq.model.codec.FrameWriter;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.MethodCodec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;

/**
 * The raw-frame driver: a blocking socket that speaks AMQP frame by frame through amqp-model's
 * codecs, for what a well-behaved client never sends (frames out of order, methods on unopened
 * channels, reused consumer tags, abrupt socket death). Every read has a timeout, so a broker that
 * stays silent fails the case rather than hanging it.
 */
public final class RawConnection implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final ConnectionParameters params;

  private RawConnection(Socket socket, ConnectionParameters params) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.params = params;
  }

  /** Opens a socket to the broker without sending anything. */
  public static RawConnection connect(ConnectionParameters params) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(params.host(), params.port()), READ_TIMEOUT_MILLIS);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      return new RawConnection(socket, params);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a socket and completes the handshake (no heartbeats) on the URI's vhost. */
  public static RawConnection open(ConnectionParameters params) {
    RawConnection raw = connect(params);
    raw.handshake(params.virtualHost());
    return raw;
  }

  /** Sends the protocol header, answers start and tune, and opens {@code vhost}. */
  public void handshake(String vhost) {
    sendBytes(ProtocolHeader.bytes());
    Connection.Tune tune = startOk();
    send(0, new Connection.TuneOk(tune.channelMax(), tune.frameMax(), 0));
    send(0, new Connection.Open(vhost));
    expect(0, Connection.OpenOk.class);
  }

  /** Answers connection.start with the URI's credentials; returns the broker's tune. */
  public Connection.Tune startOk() {
    expect(0, Connection.Start.class);
    var credentials = params.credentials();
    send(
        0,
        new Connection.StartOk(
            Map.of("product", "warrenmq-tck raw driver"),
            credentials.mechanism(),
            LongString.of(credentials.response()),
            "en_US"));
    return expect(0, Connection.Tune.class);
  }

  /** Opens channel {@code number} and waits for open-ok. */
  public RawConnection openChannel(int number) {
    send(number, new Channel.Open());
    expect(number, Channel.OpenOk.class);
    return this;
  }

  /** Sends one method frame. */
  public RawConnection send(int channel, Method method) {
    ByteBuf buf = Unpooled.buffer();
    try {
      FrameWriter.writeMethodFrame(buf, channel, method);
      return sendBytes(bytes(buf));
    } finally {
      buf.release();
    }
  }

  /** Sends a content header frame announcing {@code bodySize} bytes. */
  public RawConnection sendHeader(int channel, long bodySize, BasicProperties properties) {
    ByteBuf buf = Unpooled.buffer();
    try {
      FrameWriter.writeHeaderFrame(
          buf, channel, 60, bodySize, properties, properties.encodedSize());
      return sendBytes(bytes(buf));
    } finally {
      buf.release();
    }
  }

  /** Sends a frame of any type with the correct frame-end octet. */
  public RawConnection sendFrame(int type, int channel, byte[] payload) {
    return sendFrame(type, channel, payload, AmqpConstants.FRAME_END);
  }

  /** Sends a frame of any type ending with {@code frameEnd} (a wrong one is a framing error). */
  public RawConnection sendFrame(int type, int channel, byte[] payload, int frameEnd) {
    ByteBuf buf = Unpooled.buffer();
    try {
      FrameWriter.writeFrameHeader(buf, type, channel, payload.length);
      buf.writeBytes(payload);
      buf.writeByte(frameEnd);
      return sendBytes(bytes(buf));
    } finally {
      buf.release();
    }
  }

  /** Sends bytes as they are. */
  public RawConnection sendBytes(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads up to {@code n} bytes as they are (fewer if the broker closes the socket first). */
  public byte[] readBytes(int n) {
    byte[] bytes = new byte[n];
    int read = 0;
    try {
      while (read < n) {
        int r = in.read(bytes, read, n - read);
        if (r < 0) {
          break;
        }
        read += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return java.util.Arrays.copyOf(bytes, read);
  }

  /** Reads the next frame. */
  public RawFrame next() {
    try {
      int type = in.readUnsignedByte();
      int channel = in.readUnsignedShort();
      int size = in.readInt();
      byte[] payload = new byte[size];
      in.readFully(payload);
      int end = in.readUnsignedByte();
      if (end != AmqpConstants.FRAME_END) {
        throw new IllegalStateException("broker sent a bad frame end: " + end);
      }
      Method method = type == AmqpConstants.FRAME_METHOD ? decode(payload) : null;
      return new RawFrame(type, channel, method, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads frames until a method frame (skipping heartbeats and content) and returns it. */
  public RawFrame nextMethod() {
    while (true) {
      RawFrame frame = next();
      if (frame.type() == AmqpConstants.FRAME_METHOD) {
        return frame;
      }
    }
  }

  /** Reads the next method and checks its channel and type. */
  public <T extends Method> T expect(int channel, Class<T> type) {
    RawFrame frame = nextMethod();
    if (frame.channel() != channel || !type.isInstance(frame.method())) {
      throw new AssertionError(
          "expected "
              + type.getSimpleName()
              + " on channel "
              + channel
              + " but got "
              + frame.method()
              + " on channel "
              + frame.channel());
    }
    return type.cast(frame.method());
  }

  /**
   * Reads until the broker closes the connection, answers close-ok and returns the close; fails if
   * the broker closes only a channel first.
   */
  public Connection.Close expectConnectionClose() {
    RawFrame frame = nextMethod();
    if (!(frame.method() instanceof Connection.Close close)) {
      throw new AssertionError("expected connection.close but got " + frame.method());
    }
    send(0, new Connection.CloseOk());
    return close;
  }

  /** Reads until the broker closes {@code channel}, answers close-ok and returns the close. */
  public Channel.Close expectChannelClose(int channel) {
    Channel.Close close = expect(channel, Channel.Close.class);
    send(channel, new Channel.CloseOk());
    return close;
  }

  /** True when the broker closes the socket within the read timeout (reading and dropping). */
  public boolean awaitSocketClosed() {
    try {
      while (in.read() >= 0) {
        // Drain whatever the broker still sends before closing.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (EOFException e) {
      return true;
    } catch (IOException e) {
      return true; // reset by peer counts as closed
    }
  }

  /** Closes the socket without any AMQP close: a client that died. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing to do about a socket that will not close.
    }
  }

  private static Method decode(byte[] payload) {
    ByteBuf buf = Unpooled.wrappedBuffer(payload);
    int classId = buf.readUnsignedShort();
    int methodId = buf.readUnsignedShort();
    return MethodCodec.read(classId, methodId, buf);
  }

  private static byte[] bytes(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }
}
