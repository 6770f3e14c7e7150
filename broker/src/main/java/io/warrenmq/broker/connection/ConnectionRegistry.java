package io.warrenmq.broker.connection;

import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The broker's open connections, for limits and for closing them all at shutdown. Thread-safe. */
public final class ConnectionRegistry {
  private final Set<AmqpConnection> connections = ConcurrentHashMap.newKeySet();
  private final int maxConnections;

  /**
   * @param maxConnections the most connections accepted at once; 0 for no limit
   */
  public ConnectionRegistry(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  boolean add(AmqpConnection connection) {
    if (maxConnections > 0 && connections.size() >= maxConnections) {
      return false;
    }
    connections.add(connection);
    return true;
  }

  void remove(AmqpConnection connection) {
    connections.remove(connection);
  }

  /** The number of open connections. */
  public int size() {
    return connections.size();
  }

  /**
   * The memory alarm went on or off: every connection rechecks it on its own event loop (publishers
   * are blocked or unblocked). Never blocks; safe on any thread.
   */
  public void memoryAlarmChanged() {
    for (AmqpConnection connection : connections) {
      connection.memoryAlarmChanged();
    }
  }

  /**
   * Closes every connection with 320 CONNECTION_FORCED (each on its own event loop); the future
   * completes when their sockets have closed.
   */
  public Future<Void> closeAll(String reason) {
    return closeMatching(connection -> true, reason);
  }

  /** As {@link #closeAll}, for the connections open on {@code vhost} (vhost deleted). */
  public Future<Void> closeVhost(String vhost, String reason) {
    return closeMatching(connection -> vhost.equals(connection.vhostName()), reason);
  }

  private Future<Void> closeMatching(Predicate<AmqpConnection> filter, String reason) {
    Promise<Void> all = GlobalEventExecutor.INSTANCE.newPromise();
    PromiseCombiner combiner = new PromiseCombiner(GlobalEventExecutor.INSTANCE);
    GlobalEventExecutor.INSTANCE.execute(
        () -> {
          for (AmqpConnection connection : List.copyOf(connections)) {
            if (filter.test(connection)) {
              combiner.add(connection.forceClose(reason));
            }
          }
          combiner.finish(all);
        });
    return all;
  }

  /** The open connections, for the management API. */
  public List<AmqpConnection> connections() {
    return List.copyOf(connections);
  }

  /** As {@link #closeAll}, for {@code user}'s connections (the user was deleted). */
  public Future<Void> closeUser(String user, String reason) {
    return closeMatching(connection -> user.equals(connection.authenticatedUser()), reason);
  }
}
