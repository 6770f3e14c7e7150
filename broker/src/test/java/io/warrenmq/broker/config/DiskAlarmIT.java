package io.warrenmq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** disk_free_limit.absolute over the free space of the data directory's disk blocks publishers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiskAlarmIT {

  @Test
  void aLimitAboveTheFreeSpaceBlocksPublishersWithLowOnDisk() throws Exception {
    // No disk has an exabyte free: the alarm is set at the first reading.
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerConfig.ephemeral().withDiskFreeLimit(1L << 60))) {
      assertThat(broker.broker().isDiskAlarmRaised()).isTrue();
      ConnectionFactory factory = new ConnectionFactory();
      factory.setPort(broker.port());
      factory.setAutomaticRecoveryEnabled(false);
      BlockingQueue<String> reasons = new ArrayBlockingQueue<>(4);
      Connection connection = factory.newConnection();
      try {
        connection.addBlockedListener(reasons::add, () -> reasons.add("unblocked"));
        Channel channel = connection.createChannel();
        channel.basicPublish("", "nowhere", null, new byte[] {1});
        assertThat(reasons.poll(10, TimeUnit.SECONDS)).isEqualTo("low on disk");
      } finally {
        // A blocked connection is not read, so its connection.close would never be answered.
        connection.abort(2000);
      }
    }
  }

  @Test
  void theDefaultLimitLetsPublishersThrough() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      assertThat(broker.broker().isDiskAlarmRaised()).isFalse();
    }
  }
}
