package io.warrenmq.tck;

import io.warrenmq.broker.EmbeddedBroker;

/**
 * Run 1's broker: WarrenMQ in this JVM on an ephemeral port, registered for {@link
 * java.util.ServiceLoader} in {@code META-INF/services}, so only the tck's own test class path has
 * it and the runnable jar stays broker-free.
 */
public final class EmbeddedWarrenLauncher implements BrokerLauncher {
  private EmbeddedBroker broker;

  @Override
  public synchronized String start() {
    broker = EmbeddedBroker.start();
    return broker.uri();
  }

  @Override
  public synchronized void stop() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }
}
