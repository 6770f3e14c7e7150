package io.warrenmq.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.store.log.FileIo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store I/O failure (disk full) nacks the affected confirms and the broker keeps serving: the
 * connection stays open and, once the disk has room again, confirms are acks again.
 */
@Timeout(60)
class StoreFailureIT {
  @TempDir Path dataDir;

  @AfterEach
  void reset() {
    FileStore.ioForTesting(null);
  }

  @Test
  void diskFullNacksAndTheConnectionSurvives() throws Exception {
    AtomicBoolean diskFull = new AtomicBoolean();
    FileIo io =
        new FileIo() {
          @Override
          public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
            if (diskFull.get()) {
              throw new IOException("No space left on device");
            }
            FileIo.DIRECT.write(channel, bytes);
          }

          @Override
          public void force(FileChannel channel) throws IOException {
            FileIo.DIRECT.force(channel);
          }
        };
    FileStore.ioForTesting(io);
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerConfig.ephemeral().withDataDir(dataDir))) {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setPort(broker.port());
      factory.setAutomaticRecoveryEnabled(false);
      try (Connection connection = factory.newConnection()) {
        Channel channel = connection.createChannel();
        channel.queueDeclare("dq", true, false, false, null);
        channel.confirmSelect();
        Set<Long> nacked = ConcurrentHashMap.newKeySet();
        CountDownLatch settled = new CountDownLatch(1);
        channel.addConfirmListener(
            new ConfirmListener() {
              @Override
              public void handleAck(long tag, boolean multiple) {
                if (tag >= 4) {
                  settled.countDown();
                }
              }

              @Override
              public void handleNack(long tag, boolean multiple) {
                nacked.add(tag);
              }
            });
        channel.basicPublish("", "dq", MessageProperties.PERSISTENT_BASIC, "one".getBytes());
        assertThat(channel.waitForConfirms(10_000)).isTrue();

        diskFull.set(true);
        channel.basicPublish("", "dq", MessageProperties.PERSISTENT_BASIC, "two".getBytes());
        assertThat(channel.waitForConfirms(10_000)).isFalse(); // a nack
        assertThat(nacked).containsExactly(2L);
        assertThat(connection.isOpen()).isTrue();
        assertThat(channel.isOpen()).isTrue();

        diskFull.set(false);
        channel.basicPublish("", "dq", MessageProperties.TEXT_PLAIN, "three".getBytes());
        channel.basicPublish("", "dq", MessageProperties.PERSISTENT_BASIC, "four".getBytes());
        assertThat(settled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(channel.waitForConfirms(10_000)).isTrue();
        assertThat(nacked).containsExactly(2L);
        // The broker still serves: the queue holds every message routed (the nacked one too).
        assertThat(channel.queueDeclarePassive("dq").getMessageCount()).isEqualTo(4);
      }
    }
  }
}
