package io.warrenmq.broker.policy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.cli.Ctl;
import org.junit.jupiter.api.BeforeAll;

/**
 * The policy scenarios against the local RabbitMQ 3.10 (127.0.0.1:5672, guest/guest) with its
 * rabbitmqctl: the proof that WarrenMQ's policies behave as RabbitMQ's. Skipped when rabbitmqctl or
 * the broker is unavailable; every policy, queue and exchange it creates is removed after.
 */
class RabbitMqPolicyIT extends PolicyScenarios {
  @BeforeAll
  static void requireRabbitMq() {
    assumeTrue(Ctl.rabbitmqctl().run("list_policies", "-q").exit() == 0, "no rabbitmqctl");
    try {
      rabbitMq().newConnection().close();
    } catch (Exception e) {
      assumeTrue(false, "RabbitMQ not reachable on 127.0.0.1:5672: " + e);
    }
  }

  private static ConnectionFactory rabbitMq() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setAutomaticRecoveryEnabled(false);
    return factory;
  }

  @Override
  Ctl ctl() {
    return Ctl.rabbitmqctl();
  }

  @Override
  ConnectionFactory factory() {
    return rabbitMq();
  }
}
