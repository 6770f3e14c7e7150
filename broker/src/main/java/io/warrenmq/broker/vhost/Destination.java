package io.warrenmq.broker.vhost;

/** What a binding points at: an exchange (exchange-to-exchange binding) or a queue. */
public interface Destination {
  /** The exchange or queue name. */
  String name();
}
