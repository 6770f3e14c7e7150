package io.warrenmq.broker.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.warrenmq.broker.EmbeddedBroker;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared plumbing for integration tests that drive the broker with the official Java client. */
abstract class BrokerTestSupport {
  protected final EmbeddedBroker broker;
  protected Connection connection;
  protected Channel channel;

  BrokerTestSupport(EmbeddedBroker broker) {
    this.broker = broker;
  }

  ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    factory.setTopologyRecoveryEnabled(false);
    factory.setConnectionTimeout(5000);
    factory.setChannelRpcTimeout(5000);
    factory.setShutdownTimeout(1000);
    return factory;
  }

  @BeforeEach
  void openConnection() throws Exception {
    connection = factory().newConnection();
    channel = connection.createChannel();
  }

  @AfterEach
  void closeConnection() {
    if (connection != null && connection.isOpen()) {
      try {
        connection.close(2000);
      } catch (Exception ignored) {
        // Best effort: the test is over.
      }
    }
  }

  /** The reply code of the close a failed channel or connection operation caused. */
  static int replyCode(Throwable error) {
    Throwable cause = error;
    while (cause != null && !(cause instanceof ShutdownSignalException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      throw new AssertionError("no shutdown signal in " + error, error);
    }
    Object reason = ((ShutdownSignalException) cause).getReason();
    if (reason instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
      return close.getReplyCode();
    }
    if (reason instanceof com.rabbitmq.client.AMQP.Connection.Close close) {
      return close.getReplyCode();
    }
    throw new AssertionError("unexpected reason " + reason, error);
  }

  static String replyText(Throwable error) {
    Throwable cause = error;
    while (cause != null && !(cause instanceof ShutdownSignalException)) {
      cause = cause.getCause();
    }
    Object reason = ((ShutdownSignalException) cause).getReason();
    if (reason instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
      return close.getReplyText();
    }
    return ((com.rabbitmq.client.AMQP.Connection.Close) reason).getReplyText();
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(5);
    }
  }
}
