package io.warrenmq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runnable broker logs to DATA_DIR/log/warrenmq.log as well as stdout: connections accepted and
 * closed with the reason, and refused logins. The data directory is under target/.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LogFileIT {
  private static final Pattern LISTENING = Pattern.compile("WarrenMQ listening on /[^:]+:(\\d+)");

  @Test
  void connectionsAndRefusedLoginsGoToTheLogFile() throws Exception {
    Path dataDir = Path.of("target", "log-it-" + System.nanoTime()).toAbsolutePath();
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve("log").resolve("warrenmq.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.warrenmq.broker.Main",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--management-port",
            "-1",
            "--prometheus-port",
            "-1",
            "--data-dir",
            dataDir.toString()));
    Process broker =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("stdout.txt").toFile())
            .start();
    try {
      Matcher listening = LISTENING.matcher(waitFor(log, "WarrenMQ listening on"));
      assertThat(listening.find()).isTrue();
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost("127.0.0.1");
      factory.setPort(Integer.parseInt(listening.group(1)));
      factory.setAutomaticRecoveryEnabled(false);
      try (Connection ignored = factory.newConnection()) {
        waitFor(log, "authenticated as user 'guest'");
      }
      factory.setPassword("wrong");
      try (Connection ignored = factory.newConnection()) {
        throw new AssertionError("a wrong password was accepted");
      } catch (Exception expected) {
        // refused: the reason is only in the log
      }
      String text = waitFor(log, "invalid credentials");
      assertThat(text)
          .contains("accepting AMQP connection")
          .contains("client closed the connection")
          .contains("PLAIN login refused")
          .contains("user 'guest' - invalid credentials");
      assertThat(Files.readString(dataDir.resolve("stdout.txt")))
          .contains("accepting AMQP connection");
    } finally {
      broker.destroy();
      broker.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String waitFor(Path log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        String content = Files.readString(log, StandardCharsets.UTF_8);
        if (content.contains(text)) {
          return content;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("'" + text + "' never appeared in " + log);
  }
}
