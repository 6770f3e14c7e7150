package io.warrenmq.broker.store;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker in a JVM of its own, for tests that kill it (as kill -9 would) and start it again on the
 * same data directory. Its output goes to a log file in that directory.
 */
final class BrokerProcess {
  private BrokerProcess() {}

  /** Starts {@code io.warrenmq.broker.Main} and returns once it accepts AMQP connections. */
  static Process start(Path dataDir, int port, String... jvmOptions) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.warrenmq.broker.Main",
            "--bind",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            // No management listener: 15672 may be taken, and these tests need only AMQP.
            "--management-port",
            "-1",
            "--prometheus-port",
            "-1",
            "--data-dir",
            dataDir.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File(dataDir.toFile(), "broker-" + System.nanoTime() + ".log"))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Connection ignored = connect(port)) {
        return process;
      } catch (Exception notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("broker did not start", notYet);
        }
        Thread.sleep(50);
      }
    }
  }

  /** A connection of the official client, without automatic recovery. */
  static Connection connect(int port) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(2000);
    return factory.newConnection();
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Returns once the acks already sent on {@code connection} for {@code queue} are written to the
   * ack files (not forced: enough for a kill -9, see STORE.md). A passive declare is answered by
   * the queue after it has handed those acks to the store thread; a confirmed persistent publish
   * queued behind them is confirmed only after the pass that wrote them.
   */
  static void awaitAcksWritten(Connection connection, String queue) throws Exception {
    Channel channel = connection.createChannel();
    channel.queueDeclarePassive(queue);
    channel.queueDeclare("acks-written-barrier", true, false, false, null);
    channel.confirmSelect();
    channel.basicPublish(
        "", "acks-written-barrier", MessageProperties.PERSISTENT_BASIC, new byte[0]);
    channel.waitForConfirmsOrDie(10_000);
    channel.queueDelete("acks-written-barrier");
    channel.close();
  }
}
