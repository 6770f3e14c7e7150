package io.warrenmq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ManagementPortTest {
  @Test
  void defaultsToRabbitMqsPortAndTestsUseAnEphemeralOne() {
    assertThat(BrokerConfig.defaults().managementPort()).isEqualTo(15672);
    assertThat(BrokerConfig.ephemeral().managementPort()).isZero();
  }

  @Test
  void flagAndConfigKey() throws Exception {
    assertThat(Main.parse(new String[] {"--management-port", "-1"}).managementPort()).isEqualTo(-1);
    assertThat(Main.parse(new String[] {"--management-port", "0"}).managementPort()).isZero();
    assertThatThrownBy(() -> Main.parse(new String[] {"--management-port", "x"}))
        .isInstanceOf(IllegalArgumentException.class);
    Properties properties = new Properties();
    properties.setProperty("management.port", "15000");
    assertThat(BrokerConfig.defaults().fromProperties(properties).managementPort())
        .isEqualTo(15000);
  }
}
