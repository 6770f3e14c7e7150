package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.ProtocolHeader;
import io.warrenmq.model.codec.FrameWriter;
import io.warrenmq.model.generated.AmqpConstants;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.Exchange;
import io.warrenmq.model.generated.Queue;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 mutated frames, each on a fresh connection after a valid handshake: afterwards the broker
 * still serves a normal client, and (checked by the leak-detection extension after the class) no
 * buffer leaked.
 */
@ExtendWith(WarrenBrokerExtension.class)
@Timeout(180)
class MalformedFramesIT extends BrokerTestSupport {
  private static final int FRAMES = 10_000;
  private static final int THREADS = 8;

  MalformedFramesIT(EmbeddedBroker broker) {
    super(broker);
  }

  @Test
  void brokerSurvivesMalformedFrames() throws Exception {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("MalformedFramesIT seed " + seed);
    byte[] prelude = prelude();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(seed + t);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < FRAMES / THREADS; i++) {
                    sendOne(prelude, mutated(random), random);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    await(() -> broker.broker().connectionCount() <= 1, Duration.ofSeconds(30));
    String queue = channel.queueDeclare().getQueue();
    channel.basicPublish("", queue, null, "still here".getBytes());
    GetResponse response = channel.basicGet(queue, true);
    assertThat(new String(response.getBody())).isEqualTo("still here");
  }

  private void sendOne(byte[] prelude, byte[] frame, Random random) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", broker.port())) {
      socket.setSoLinger(true, 0);
      OutputStream out = socket.getOutputStream();
      out.write(prelude);
      out.write(frame);
      out.flush();
      if (random.nextInt(4) == 0) {
        // Sometimes wait for the broker's answer, so that closes race with reads both ways.
        socket.setSoTimeout(200);
        try {
          socket.getInputStream().read(new byte[4096]);
        } catch (java.net.SocketTimeoutException ignored) {
          // The broker may keep a connection whose frame only closed a channel.
        }
      }
    }
  }

  /** Header, start-ok, tune-ok, open and channel.open, pipelined. */
  private static byte[] prelude() {
    ByteBuf buf = Unpooled.buffer();
    try {
      buf.writeBytes(ProtocolHeader.bytes());
      method(
          buf,
          0,
          new Connection.StartOk(Map.of(), "PLAIN", LongString.of("\0guest\0guest"), "en_US"));
      method(buf, 0, new Connection.TuneOk(2047, 131072, 0));
      method(buf, 0, new Connection.Open("/"));
      method(buf, 1, Channel.Open.INSTANCE);
      return bytes(buf);
    } finally {
      buf.release();
    }
  }

  private static byte[] mutated(Random random) {
    ByteBuf buf = Unpooled.buffer();
    try {
      switch (random.nextInt(6)) {
        case 0 ->
            method(
                buf,
                1,
                new Queue.Declare(
                    "fuzz", false, false, false, true, false, Map.of("x-queue-type", "quorum")));
        case 1 ->
            method(
                buf,
                1,
                new Exchange.Declare("fz", "topic", false, false, false, false, false, Map.of()));
        case 2 ->
            method(buf, 1, new Basic.Consume("fuzz", "", false, false, false, false, Map.of()));
        default -> {
          method(buf, 1, new Basic.Publish("", "fuzz", false, false));
          BasicProperties props = BasicProperties.builder().headers(Map.of("h", 1L)).build();
          byte[] body = new byte[random.nextInt(100)];
          random.nextBytes(body);
          FrameWriter.writeHeaderFrame(buf, 1, 60, body.length, props, props.encodedSize());
          FrameWriter.writeFrameHeader(buf, AmqpConstants.FRAME_BODY, 1, body.length);
          buf.writeBytes(body).writeByte(AmqpConstants.FRAME_END);
        }
      }
      byte[] frame = bytes(buf);
      return mutate(frame, random);
    } finally {
      buf.release();
    }
  }

  private static byte[] mutate(byte[] frame, Random random) {
    byte[] copy = frame.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
      }
      case 1 -> {
        return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
      }
      case 2 -> {
        byte[] garbage = new byte[1 + random.nextInt(64)];
        random.nextBytes(garbage);
        return garbage;
      }
      default -> {
        // Corrupt a size field (frame length at offset 3) or the frame type.
        int at = random.nextBoolean() ? 3 + random.nextInt(4) : 0;
        copy[at] = (byte) random.nextInt(256);
        return copy;
      }
    }
  }

  private static void method(ByteBuf buf, int channel, Method method) {
    FrameWriter.writeMethodFrame(buf, channel, method);
  }

  private static byte[] bytes(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }
}
