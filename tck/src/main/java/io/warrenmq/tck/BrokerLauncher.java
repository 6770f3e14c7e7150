package io.warrenmq.tck;

/**
 * Starts a broker for a run that was given no URI. Found with {@link java.util.ServiceLoader}: the
 * tck's own tests register one that starts WarrenMQ in-process; the runnable jar has none, so it
 * needs a URI.
 */
public interface BrokerLauncher {
  /** Starts the broker and returns its AMQP URI. */
  String start();

  /** Stops the broker started by {@link #start()}. */
  void stop();
}
