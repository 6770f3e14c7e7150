package io.warrenmq.broker.vhost;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * An exchange: a routing table from routing key (and headers) to destinations.
 *
 * <p>Confinement: {@link #bind} and {@link #unbind} are called only under the vhost's topology lock
 * (one writer); {@link #route} runs concurrently on any publisher's event loop, so implementations
 * keep their tables in concurrent or copy-on-write structures and never lock.
 */
public abstract class Exchange implements Destination {
  private final ExchangeSettings settings;
  private final String vhost;
  // RabbitMQ's publish_in (messages published here) and publish_out (of those, routed somewhere).
  private final LongAdder publishIn = new LongAdder();
  private final LongAdder publishOut = new LongAdder();

  protected Exchange(ExchangeSettings settings, String vhost) {
    this.settings = settings;
    this.vhost = vhost;
  }

  /** Creates an exchange of the declared type. */
  public static Exchange of(ExchangeSettings settings, String vhost) {
    return switch (settings.type()) {
      case DIRECT -> new DirectExchange(settings, vhost);
      case FANOUT -> new FanoutExchange(settings, vhost);
      case TOPIC -> new TopicExchange(settings, vhost);
      case HEADERS -> new HeadersExchange(settings, vhost);
    };
  }

  @Override
  public String name() {
    return settings.name();
  }

  public ExchangeSettings settings() {
    return settings;
  }

  /** Messages published to this exchange. */
  public long publishIn() {
    return publishIn.sum();
  }

  /** Messages published to this exchange that reached at least one queue. */
  public long publishOut() {
    return publishOut.sum();
  }

  void routed(boolean reachedQueues) {
    publishIn.increment();
    if (reachedQueues) {
      publishOut.increment();
    }
  }

  /** "exchange 'name' in vhost '/'", for reply texts. */
  public String describe() {
    return "exchange '" + settings.name() + "' in vhost '" + vhost + "'";
  }

  /** Adds a binding whose source is this exchange; false when it was already there. */
  abstract boolean bind(Binding binding);

  /** Removes a binding; false when it was not there. */
  abstract boolean unbind(Binding binding);

  /** All bindings whose source is this exchange. */
  abstract List<Binding> bindings();

  /** Adds the destinations matching the message to {@code out}. */
  abstract void route(String routingKey, Map<String, Object> headers, Collection<Destination> out);

  @Override
  public String toString() {
    return describe();
  }
}
