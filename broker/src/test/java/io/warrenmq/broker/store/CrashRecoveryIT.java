package io.warrenmq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as a separate JVM, killed with SIGKILL ({@code destroyForcibly}) while a publisher
 * with confirms is sending: after the restart every confirmed message is there (zero lost).
 */
@Timeout(120)
class CrashRecoveryIT {
  @TempDir Path dataDir;

  @Test
  void everyConfirmedMessageSurvivesKillDashNine() throws Exception {
    Set<Long> confirmed = new ConcurrentSkipListSet<>();
    int port = BrokerProcess.freePort();
    Process broker = BrokerProcess.start(dataDir, port);
    try {
      Connection connection = BrokerProcess.connect(port);
      Channel channel = connection.createChannel();
      channel.queueDeclare("crash", true, false, false, null);
      channel.confirmSelect();
      channel.addConfirmListener(
          (tag, multiple) -> {
            // Our sequence numbers are the message ids: confirm seq n is message n.
            if (multiple) {
              for (long n = tag; n > 0 && confirmed.add(n); n--) {}
            } else {
              confirmed.add(tag);
            }
          },
          (tag, multiple) -> {});
      long id = 0;
      long killedAt = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      try {
        while (System.nanoTime() < deadline) {
          id++;
          channel.basicPublish(
              "",
              "crash",
              MessageProperties.PERSISTENT_BASIC,
              ByteBuffer.allocate(8).putLong(id).array());
          if (killedAt < 0 && confirmed.size() >= 2000) {
            broker.destroyForcibly(); // mid-stream, with publishes and fsyncs in flight
            killedAt = id;
          } else if (killedAt > 0 && id > killedAt + 5000) {
            break;
          }
        }
      } catch (Exception expected) {
        // The connection died with the broker.
      }
      broker.waitFor(10, TimeUnit.SECONDS);
      assertThat(confirmed).isNotEmpty();
    } finally {
      broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    broker = BrokerProcess.start(dataDir, port);
    try (Connection connection = BrokerProcess.connect(port)) {
      Channel channel = connection.createChannel();
      Set<Long> present = new HashSet<>();
      int duplicates = 0;
      for (GetResponse response; (response = channel.basicGet("crash", true)) != null; ) {
        if (!present.add(ByteBuffer.wrap(response.getBody()).getLong())) {
          duplicates++;
        }
      }
      Set<Long> lost = new HashSet<>(confirmed);
      lost.removeAll(present);
      System.out.printf(
          "crash test: confirmed %d, present %d, lost %d, duplicated %d%n",
          confirmed.size(), present.size(), lost.size(), duplicates);
      assertThat(lost).isEmpty();
      assertThat(duplicates).isZero();
    } finally {
      broker.destroy();
      broker.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
