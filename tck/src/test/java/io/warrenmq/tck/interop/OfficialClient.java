package io.warrenmq.tck.interop;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;

/** Connections of the official RabbitMQ Java client to the in-process broker, closed at the end. */
final class OfficialClient implements AutoCloseable {
  private final ConnectionFactory factory = new ConnectionFactory();
  private final List<Connection> connections = new ArrayList<>();

  OfficialClient(EmbeddedBroker broker) {
    factory.setHost(broker.host());
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false); // a closed connection must stay closed in a test
  }

  ConnectionFactory factory() {
    return factory;
  }

  Connection connect() throws Exception {
    Connection connection = factory.newConnection();
    connections.add(connection);
    return connection;
  }

  Channel channel() throws Exception {
    return connect().createChannel();
  }

  @Override
  public void close() {
    for (Connection c : connections) {
      if (c.isOpen()) {
        try {
          c.close();
        } catch (Exception ignored) {
          // the case may have broken it on purpose
        }
      }
    }
  }
}
