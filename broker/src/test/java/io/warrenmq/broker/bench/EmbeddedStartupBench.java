package io.warrenmq.broker.bench;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.model.ProtocolHeader;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long from {@code EmbeddedBroker.start()} until the broker answers a client: the protocol
 * header sent on a fresh socket and the first byte of connection.start read back. The first run is
 * a cold JVM (class loading included); the median is over the warm runs that follow. Run it with
 * {@code broker/bench-startup.sh}; it is a measurement, not a test.
 */
public final class EmbeddedStartupBench {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStartupBench.class);

  private EmbeddedStartupBench() {}

  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      try (EmbeddedBroker broker = EmbeddedBroker.start()) {
        answerFirstByte(broker.port());
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    double cold = millis[0];
    double[] warm = Arrays.copyOfRange(millis, 1, runs);
    Arrays.sort(warm);
    LOG.info(
        "start() to first answer: cold {} ms, warm median {} ms, warm max {} ms ({} runs)",
        String.format("%.1f", cold),
        String.format("%.1f", warm[warm.length / 2]),
        String.format("%.1f", warm[warm.length - 1]),
        runs);
  }

  private static void answerFirstByte(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(ProtocolHeader.bytes());
      int type = new DataInputStream(socket.getInputStream()).readUnsignedByte();
      if (type != 1) {
        throw new IOException("expected a method frame, got type " + type);
      }
    }
  }
}
