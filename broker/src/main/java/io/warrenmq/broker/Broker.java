package io.warrenmq.broker;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.warrenmq.broker.connection.Authenticator;
import io.warrenmq.broker.connection.ConnectionLimits;
import io.warrenmq.broker.connection.ConnectionRegistry;
import io.warrenmq.broker.flow.MemoryGauge;
import io.warrenmq.broker.flow.MemoryMonitor;
import io.warrenmq.broker.flow.MemoryWatermark;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.store.FileStore;
import io.warrenmq.broker.store.InMemoryTopologyStore;
import io.warrenmq.broker.transport.BrokerServer;
import io.warrenmq.broker.vhost.VirtualHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker's lifecycle: {@link #start} binds the listener, {@link #stop} closes every connection
 * with 320 CONNECTION_FORCED and releases the threads. Start and stop are called from ordinary
 * threads (they block), never from an event loop.
 */
public final class Broker {
  private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

  private final BrokerConfig config;
  private final Map<String, VirtualHost> vhosts = new ConcurrentHashMap<>();
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private EventExecutorGroup queueExecutors;
  private ConnectionRegistry registry;
  private MemoryMonitor memoryMonitor;
  private BrokerServer server;
  private InetSocketAddress address;
  private FileStore store;

  public Broker(BrokerConfig config) {
    this.config = config;
  }

  /** Starts listening; returns the bound address (its port is the real one for port 0). */
  public synchronized InetSocketAddress start() throws InterruptedException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("warren-accept"));
    workers = new NioEventLoopGroup(config.workerThreads(), new DefaultThreadFactory("warren-io"));
    int queueThreads =
        config.queueThreads() > 0
            ? config.queueThreads()
            : Runtime.getRuntime().availableProcessors();
    queueExecutors =
        new DefaultEventExecutorGroup(queueThreads, new DefaultThreadFactory("warren-queue"));
    if (config.dataDir() == null) {
      vhosts.put("/", new VirtualHost("/", queueExecutors, new InMemoryTopologyStore()));
    } else {
      try {
        store = FileStore.open(config.dataDir());
        vhosts.put("/", Recovery.restore(store, queueExecutors));
      } catch (IOException | RuntimeException e) {
        shutdownGroups();
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    }
    registry = new ConnectionRegistry(config.maxConnections());
    memoryMonitor =
        new MemoryMonitor(
            MemoryGauge.of(config.memory().calculation(), this::queuedBytes),
            new MemoryWatermark(config.memory().limitBytes()),
            registry::memoryAlarmChanged);
    Authenticator authenticator =
        new Authenticator(
            Map.of(config.defaultUser(), config.defaultPassword()), config.loopbackOnlyGuest());
    ConnectionLimits limits =
        new ConnectionLimits(
            config.channelMax(),
            config.frameMax(),
            config.heartbeatSeconds(),
            config.handshakeTimeout(),
            config.maxMessageSize(),
            authenticator,
            vhosts::get,
            registry,
            memoryMonitor);
    server = new BrokerServer(boss, workers, limits);
    try {
      address = server.bind(config.bindAddress(), config.port());
    } catch (InterruptedException | RuntimeException e) {
      shutdownGroups();
      server = null;
      throw e;
    }
    // The accept loop is idle most of the time: it runs the memory checks.
    memoryMonitor.start(boss.next());
    LOG.info(
        "WarrenMQ listening on {}, memory high watermark {} bytes ({})",
        address,
        config.memory().limitBytes(),
        config.memory().calculation());
    return address;
  }

  /** The bound address, once started. */
  public InetSocketAddress address() {
    return address;
  }

  /** The open connections. */
  public int connectionCount() {
    return registry == null ? 0 : registry.size();
  }

  /** True while memory is over the high watermark and publishers are blocked. */
  public boolean isMemoryAlarmRaised() {
    return memoryMonitor != null && memoryMonitor.isRaised();
  }

  /** The body bytes of the ready messages of every queue, as the queues last published them. */
  private long queuedBytes() {
    long total = 0;
    for (VirtualHost vhost : vhosts.values()) {
      for (MessageQueue queue : vhost.queues()) {
        total += queue.approximateReadyBytes();
      }
    }
    return total;
  }

  /** The group commit's fsync count so far (0 without a data directory). */
  public long storeFsyncCount() {
    return store == null ? 0 : store.fsyncCount();
  }

  /** The vhost named {@code name}, or null. */
  public VirtualHost vhost(String name) {
    return vhosts.get(name);
  }

  /** Stops: no new connections, every open one closed with 320, threads released. Idempotent. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.closeListener();
      registry.closeAll("shutdown").await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shutdownGroups();
    server = null;
    LOG.info("WarrenMQ stopped");
  }

  private void shutdownGroups() {
    if (memoryMonitor != null) {
      memoryMonitor.stop();
    }
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    // Queues release their messages on their executors after the connections are gone, without
    // recording removals: stored messages come back at the next start.
    for (VirtualHost vhost : vhosts.values()) {
      vhost.queues().forEach(MessageQueue::stop);
    }
    queueExecutors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    vhosts.clear();
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
