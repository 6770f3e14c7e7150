package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** guest may log in only from loopback (RabbitMQ's loopback_users); other users from anywhere. */
@Timeout(30)
class GuestLoopbackIT {
  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void guestIsRefusedFromANonLoopbackAddress() throws Exception {
    Optional<InetAddress> address = nonLoopbackAddress();
    assumeTrue(address.isPresent(), "no non-loopback IPv4 address on this host");
    BrokerConfig config = BrokerConfig.ephemeral().withBindAddress("0.0.0.0");
    try (EmbeddedBroker broker = EmbeddedBroker.start(config)) {
      broker.broker().addUser("remote", "remote-pw");
      broker.broker().setPermissions("/", "remote", ".*", ".*", ".*");
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost(address.get().getHostAddress());
      factory.setPort(broker.port());
      factory.setAutomaticRecoveryEnabled(false);
      factory.setConnectionTimeout(5000);
      assertThatThrownBy(factory::newConnection).isInstanceOf(AuthenticationFailureException.class);
      factory.setUsername("remote");
      factory.setPassword("remote-pw");
      factory.newConnection().close();
      factory.setHost("127.0.0.1");
      factory.setUsername("guest");
      factory.setPassword("guest");
      factory.newConnection().close();
    }
  }
}
