package io.warrenmq.tck;

import io.warrenmq.broker.EmbeddedBroker;

/**
 * Run 1's broker: WarrenMQ in this JVM on an ephemeral port, registered for {@link
 * java.util.ServiceLoader} in {@code META-INF/services}, so only the tck's own test class path has
 * it and the runnable jar stays broker-free.
 */
public final class EmbeddedWarrenLauncher implements BrokerLauncher {
  /** A vhost that exists but on which guest has no permissions: the 530 case opens it. */
  static final String DENIED_VHOST = "tck-denied";

  /** Read by {@code ConnectionTck.vhostWithoutPermissionIsNotAllowed}. */
  private static final String DENIED_VHOST_PROPERTY = "tck.embedded.denied.vhost";

  private EmbeddedBroker broker;

  @Override
  public synchronized String start() {
    broker = EmbeddedBroker.start();
    broker.broker().addVhost(DENIED_VHOST);
    System.setProperty(DENIED_VHOST_PROPERTY, DENIED_VHOST);
    return broker.uri();
  }

  @Override
  public synchronized void stop() {
    System.clearProperty(DENIED_VHOST_PROPERTY);
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }
}
