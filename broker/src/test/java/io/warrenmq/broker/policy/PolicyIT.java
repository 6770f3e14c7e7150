package io.warrenmq.broker.policy;

import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.cli.Ctl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The policy scenarios against an in-process WarrenMQ, set with warrenctl. */
class PolicyIT extends PolicyScenarios {
  private static EmbeddedBroker broker;

  @BeforeAll
  static void start() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Override
  Ctl ctl() {
    return Ctl.warrenctl(broker.managementPort());
  }

  @Override
  ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    return factory;
  }
}
