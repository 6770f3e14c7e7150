package io.warrenmq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as a separate JVM, killed with SIGKILL ({@code destroyForcibly}) while a publisher
 * with confirms is sending, several times in a row on the same data directory: after each restart
 * every message confirmed so far, in any cycle, is there (zero lost). Unconfirmed messages that
 * made it anyway are counted as duplicates (the publisher would send them again).
 */
@Timeout(120)
class CrashRecoveryIT {
  private static final int CYCLES = 3;

  @TempDir Path dataDir;

  private final Set<Long> confirmed = ConcurrentHashMap.newKeySet();

  @Test
  void everyConfirmedMessageSurvivesRepeatedKillDashNine() throws Exception {
    int port = BrokerProcess.freePort();
    long nextId = 1;
    long totalDuplicated = 0;
    for (int cycle = 1; cycle <= CYCLES; cycle++) {
      Process broker = BrokerProcess.start(dataDir, port);
      try {
        nextId = publishUntilKilled(broker, port, nextId);
      } finally {
        broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      broker = BrokerProcess.start(dataDir, port);
      try (Connection connection = BrokerProcess.connect(port)) {
        Set<Long> present = peek(connection);
        Set<Long> lost = new HashSet<>(confirmed);
        lost.removeAll(present);
        long duplicated = present.stream().filter(id -> !confirmed.contains(id)).count();
        totalDuplicated = duplicated;
        System.out.printf(
            "crash cycle %d: confirmed %d, present %d, lost %d, duplicated %d%n",
            cycle, confirmed.size(), present.size(), lost.size(), duplicated);
        assertThat(lost).as("confirmed messages lost in cycle %d", cycle).isEmpty();
      } finally {
        broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    System.out.printf(
        "crash loop: %d cycles, confirmed %d, lost 0, duplicated %d%n",
        CYCLES, confirmed.size(), totalDuplicated);
  }

  /**
   * Publishes ids from {@code firstId} on with confirms and kills the broker once a random number
   * of them is confirmed, mid-stream; returns the next unused id.
   */
  private long publishUntilKilled(Process broker, int port, long firstId) throws Exception {
    int killAfter = ThreadLocalRandom.current().nextInt(500, 4000);
    // A connection's confirm sequence numbers start at 1: remember which id each one carried.
    ConcurrentNavigableMap<Long, Long> unconfirmed = new ConcurrentSkipListMap<>();
    int[] confirmedNow = {0};
    long id = firstId;
    try {
      Connection connection = BrokerProcess.connect(port);
      Channel channel = connection.createChannel();
      channel.queueDeclare("crash", true, false, false, null);
      channel.confirmSelect();
      channel.addConfirmListener(
          (tag, multiple) -> {
            Map<Long, Long> done = multiple ? unconfirmed.headMap(tag, true) : Map.of();
            if (!multiple) {
              Long one = unconfirmed.remove(tag);
              if (one != null) {
                confirmed.add(one);
                confirmedNow[0]++;
              }
              return;
            }
            for (Long one : done.values()) {
              confirmed.add(one);
              confirmedNow[0]++;
            }
            done.clear();
          },
          (tag, multiple) -> {});
      long killedAt = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        unconfirmed.put(channel.getNextPublishSeqNo(), id);
        channel.basicPublish(
            "",
            "crash",
            MessageProperties.PERSISTENT_BASIC,
            ByteBuffer.allocate(8).putLong(id).array());
        id++;
        if (killedAt < 0 && confirmedNow[0] >= killAfter) {
          broker.destroyForcibly(); // with publishes and fsyncs in flight
          killedAt = id;
        } else if (killedAt > 0 && id > killedAt + 5000) {
          break;
        }
      }
    } catch (Exception expected) {
      // The connection died with the broker.
    }
    assertThat(confirmedNow[0]).isPositive();
    return id;
  }

  /** The ids in the queue, left there (unacked gets, requeued when the channel closes). */
  private static Set<Long> peek(Connection connection) throws Exception {
    Channel channel = connection.createChannel();
    Set<Long> present = new HashSet<>();
    for (GetResponse response; (response = channel.basicGet("crash", false)) != null; ) {
      long id = ByteBuffer.wrap(response.getBody()).getLong();
      assertThat(present.add(id)).as("message %d delivered twice", id).isTrue();
    }
    channel.close();
    return present;
  }
}
