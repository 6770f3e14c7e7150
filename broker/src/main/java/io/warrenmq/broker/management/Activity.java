package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.channel.BrokerChannel;
import io.warrenmq.broker.connection.AmqpConnection;
import io.warrenmq.broker.queue.MessageQueue;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What the open connections are doing, each asked on its own event loop (their state is confined
 * there): channels, consumers, unacknowledged deliveries. A connection that does not answer in time
 * (its loop is shutting down) is left out. Immutable once gathered. Also the source of the metrics
 * endpoint's channel and unacked counts, so nothing on the message path counts them twice.
 */
public final class Activity {
  /** One open connection as the API lists it. */
  record ConnectionView(
      AmqpConnection connection,
      String name,
      String user,
      String vhost,
      InetSocketAddress peer,
      InetSocketAddress local,
      long connectedAt,
      Map<String, Object> clientProperties,
      long[] tuning,
      List<ChannelView> channels) {
    // Its channels point back at it: identity and the name keep equals, hashCode and toString
    // from going round in circles.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** One open channel. */
  record ChannelView(
      ConnectionView connection,
      int number,
      int prefetch,
      int unacked,
      long delivered,
      Map<MessageQueue, Integer> unackedByQueue,
      List<BrokerChannel.ConsumerView> consumers) {
    String name() {
      return connection.name() + " (" + number + ")";
    }
  }

  private final List<ConnectionView> connections;
  private final Map<MessageQueue, Integer> unacked = new HashMap<>();

  private Activity(List<ConnectionView> connections) {
    this.connections = connections;
    for (ConnectionView connection : connections) {
      for (ChannelView channel : connection.channels()) {
        channel.unackedByQueue().forEach((queue, n) -> unacked.merge(queue, n, Integer::sum));
      }
    }
  }

  /** Asks every open connection. */
  public static CompletableFuture<Activity> gatherAll(Broker broker) {
    return gather(broker, null);
  }

  /** Asks every open connection that {@code caller} (null: everyone's) may see. */
  static CompletableFuture<Activity> gather(Broker broker, Caller caller) {
    List<CompletableFuture<ConnectionView>> futures = new ArrayList<>();
    for (AmqpConnection connection : broker.connections()) {
      String user = connection.authenticatedUser();
      if (user == null
          || !(caller == null || caller.seesEverything() || user.equals(caller.user().name()))) {
        continue;
      }
      futures.add(view(connection));
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<ConnectionView> out = new ArrayList<>();
              for (CompletableFuture<ConnectionView> f : futures) {
                if (f.join() != null) {
                  out.add(f.join());
                }
              }
              return new Activity(out);
            });
  }

  private static CompletableFuture<ConnectionView> view(AmqpConnection connection) {
    CompletableFuture<ConnectionView> future = new CompletableFuture<>();
    try {
      connection.eventLoop().execute(() -> future.complete(snapshot(connection)));
    } catch (RejectedExecutionException e) {
      future.complete(null);
    }
    return future.completeOnTimeout(null, 2, TimeUnit.SECONDS);
  }

  /** On the connection's event loop. */
  private static ConnectionView snapshot(AmqpConnection connection) {
    if (!connection.isOpen()) {
      return null;
    }
    List<ChannelView> channels = new ArrayList<>();
    ConnectionView view =
        new ConnectionView(
            connection,
            connection.name(),
            connection.authenticatedUser(),
            connection.vhostName(),
            connection.peerAddress(),
            connection.brokerAddress(),
            connection.connectedAt(),
            connection.clientProperties(),
            connection.tuning(),
            channels);
    for (BrokerChannel channel : connection.openChannels()) {
      channels.add(
          new ChannelView(
              view,
              channel.number(),
              channel.prefetchCount(),
              channel.unackedCount(),
              channel.deliveredCount(),
              channel.unackedByQueue(),
              channel.consumerViews()));
    }
    return view;
  }

  List<ConnectionView> connections() {
    return connections;
  }

  List<ChannelView> channels() {
    List<ChannelView> out = new ArrayList<>();
    connections.forEach(c -> out.addAll(c.channels()));
    return out;
  }

  /** The open channels of the gathered connections. */
  public int channelCount() {
    return connections.stream().mapToInt(c -> c.channels().size()).sum();
  }

  /** Deliveries of {@code queue} awaiting ack on the gathered channels. */
  public int unacked(MessageQueue queue) {
    return unacked.getOrDefault(queue, 0);
  }
}
