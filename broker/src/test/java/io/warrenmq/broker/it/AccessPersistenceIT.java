package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.access.Permissions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Users, vhosts and permissions survive a restart on the same data directory. */
@Timeout(60)
class AccessPersistenceIT {
  @TempDir Path dataDir;

  private Connection connect(EmbeddedBroker broker, String user, String password, String vhost)
      throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setUsername(user);
    factory.setPassword(password);
    factory.setVirtualHost(vhost);
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(5000);
    return factory.newConnection();
  }

  @Test
  void accessModelSurvivesRestart() throws Exception {
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerConfig.ephemeral().withDataDir(dataDir))) {
      // First start: guest/guest, administrator, ".*" on "/", as RabbitMQ.
      assertThat(broker.broker().vhosts()).containsExactly("/");
      assertThat(broker.broker().users())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.name()).isEqualTo("guest");
                assertThat(u.tags()).containsExactly("administrator");
              });
      assertThat(broker.broker().permissions("/")).containsEntry("guest", Permissions.ALL);
      broker.broker().addVhost("kept");
      broker.broker().addUser("dave", "dave-secret", "management");
      broker.broker().setPermissions("kept", "dave", "^d-", "^d-", "^d-");
      broker.broker().addUser("gone", "x");
      broker.broker().deleteUser("gone");
      broker.broker().changePassword("guest", "guest2");
      connect(broker, "dave", "dave-secret", "kept")
          .createChannel()
          .queueDeclare("d-q", false, false, true, null);
    }
    String file = Files.readString(dataDir.resolve("access.txt"), StandardCharsets.UTF_8);
    assertThat(file).contains("kept").doesNotContain("dave-secret").doesNotContain("guest2");

    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerConfig.ephemeral().withDataDir(dataDir))) {
      assertThat(broker.broker().vhosts()).containsExactly("/", "kept");
      assertThat(broker.broker().userPermissions("dave"))
          .containsEntry("kept", Permissions.of("^d-", "^d-", "^d-"));
      assertThat(broker.broker().users())
          .extracting(u -> u.name())
          .containsExactly("guest", "dave");
      Connection dave = connect(broker, "dave", "dave-secret", "kept");
      dave.createChannel().queueDeclare("d-q2", false, false, true, null);
      dave.close();
      assertThatThrownBy(() -> connect(broker, "guest", "guest", "/"))
          .isInstanceOf(AuthenticationFailureException.class);
      connect(broker, "guest", "guest2", "/").close();
      assertThatThrownBy(() -> connect(broker, "gone", "x", "/"))
          .isInstanceOf(AuthenticationFailureException.class);
    }
  }
}
