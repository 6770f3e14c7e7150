package io.warrenmq.broker;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.warrenmq.broker.access.AccessControl;
import io.warrenmq.broker.access.AccessFile;
import io.warrenmq.broker.access.AccessSnapshot;
import io.warrenmq.broker.access.Permissions;
import io.warrenmq.broker.access.User;
import io.warrenmq.broker.connection.AmqpConnection;
import io.warrenmq.broker.connection.Authenticator;
import io.warrenmq.broker.connection.ConnectionLimits;
import io.warrenmq.broker.connection.ConnectionRegistry;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.store.FileStore;
import io.warrenmq.broker.store.InMemoryTopologyStore;
import io.warrenmq.broker.transport.BrokerServer;
import io.warrenmq.broker.transport.Transport;
import io.warrenmq.broker.vhost.VirtualHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker's lifecycle: {@link #start} binds the listener, {@link #stop} closes every connection
 * with 320 CONNECTION_FORCED and releases the threads; the HTTP side ({@link HttpServers}) and the
 * resource alarms ({@link ResourceAlarms}) start and stop with it. Start and stop are called from
 * ordinary threads (they block), never from an event loop.
 */
public final class Broker {
  private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

  /** The vhost created on a first start, as RabbitMQ's default_vhost. */
  public static final String DEFAULT_VHOST = "/";

  private final BrokerConfig config;
  private final Map<String, VirtualHost> vhosts = new ConcurrentHashMap<>();
  private final HttpServers http = new HttpServers();
  private final List<Runnable> stopListeners = new CopyOnWriteArrayList<>();
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private EventExecutorGroup queueExecutors;
  private ConnectionRegistry registry;
  private volatile ResourceAlarms alarms; // read by metrics scrapes
  private BrokerServer server;
  private InetSocketAddress address;
  private FileStore store;
  private AccessFile accessFile;
  private volatile AccessControl access;
  private InetSocketAddress amqpsAddress;

  public Broker(BrokerConfig config) {
    this.config = config;
  }

  /** Starts listening; returns the bound address (its port is the real one for port 0). */
  public synchronized InetSocketAddress start() throws InterruptedException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    Transport transport = Transport.fromSystemProperty();
    boss = transport.newGroup(1, new DefaultThreadFactory("warren-accept"));
    workers = transport.newGroup(config.workerThreads(), new DefaultThreadFactory("warren-io"));
    int queueThreads =
        config.queueThreads() > 0
            ? config.queueThreads()
            : Runtime.getRuntime().availableProcessors();
    queueExecutors =
        new DefaultEventExecutorGroup(queueThreads, new DefaultThreadFactory("warren-queue"));
    registry = new ConnectionRegistry(config.maxConnections());
    AccessSnapshot initial =
        AccessSnapshot.initial(
            config.defaultUser(), config.defaultPassword(), config.defaultVhost());
    if (config.dataDir() == null) {
      vhosts.put(config.defaultVhost(), newVhost(config.defaultVhost()));
      access = new AccessControl(initial, this::accessChanged);
    } else {
      try {
        store = FileStore.open(config.dataDir());
        accessFile = new AccessFile(config.dataDir());
        AccessSnapshot saved = accessFile.load();
        if (saved == null) {
          // First start, as RabbitMQ: vhost "/" and the default user with ".*" ".*" ".*" there.
          accessFile.save(initial);
          saved = initial;
        }
        vhosts.putAll(Recovery.restore(store, queueExecutors, saved.vhosts()));
        access = new AccessControl(saved, this::accessChanged);
      } catch (IOException | RuntimeException e) {
        shutdownGroups();
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    }
    alarms = new ResourceAlarms(config, this::queuedBytes, registry::memoryAlarmChanged);
    Authenticator authenticator = new Authenticator(access, config.loopbackUsers());
    ConnectionLimits limits =
        new ConnectionLimits(
            config.channelMax(),
            config.frameMax(),
            config.heartbeatSeconds(),
            config.handshakeTimeout(),
            config.maxMessageSize(),
            authenticator,
            access,
            vhosts::get,
            registry,
            alarms.alarm());
    server = new BrokerServer(transport, boss, workers, limits);
    try {
      address = server.bind(config.bindAddress(), config.port());
      if (config.amqpsPort() >= 0) {
        String host =
            config.amqpsBindAddress() != null ? config.amqpsBindAddress() : config.bindAddress();
        amqpsAddress = server.bind(host, config.amqpsPort(), TlsContexts.load(config.tls()));
        LOG.info("WarrenMQ AMQPS (TLS) listening on {}", amqpsAddress);
      }
    } catch (InterruptedException | RuntimeException e) {
      shutdownGroups();
      server = null;
      throw e;
    }
    // The accept loop is idle most of the time: it runs the memory checks.
    alarms.startMemoryChecks(boss.next());
    try {
      http.start(this, config);
    } catch (InterruptedException | RuntimeException e) {
      stop();
      throw e;
    }
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

  /** The management API's bound address, or null when it is disabled (port -1) or not started. */
  public InetSocketAddress managementAddress() {
    return http.managementAddress();
  }

  /** The Prometheus endpoint's bound address, or null when it is disabled (port -1). */
  public InetSocketAddress prometheusAddress() {
    return http.prometheusAddress();
  }

  /** The settings the broker was started with. */
  public BrokerConfig config() {
    return config;
  }

  /** The memory high watermark in bytes. */
  public long memoryLimitBytes() {
    return config.memory().limitBytes();
  }

  /** Free bytes on the data directory's disk at the last check; -1 without a data directory. */
  public long diskFreeBytes() {
    ResourceAlarms current = alarms;
    return current == null ? -1 : current.diskFreeBytes();
  }

  /** The AMQPS (TLS) listener's bound address, or null when there is none. */
  public InetSocketAddress amqpsAddress() {
    return amqpsAddress;
  }

  /** The management API's HTTPS address, or null when there is none. */
  public InetSocketAddress managementSslAddress() {
    return http.managementSslAddress();
  }

  /** The open connections. */
  public int connectionCount() {
    return registry == null ? 0 : registry.size();
  }

  /** True while memory is over the high watermark and publishers are blocked. */
  public boolean isMemoryAlarmRaised() {
    ResourceAlarms current = alarms;
    return current != null && current.isMemoryRaised();
  }

  /** True while free disk space is under {@code disk_free_limit} and publishers are blocked. */
  public boolean isDiskAlarmRaised() {
    ResourceAlarms current = alarms;
    return current != null && current.isDiskRaised();
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

  /**
   * A vhost of a running broker: in-memory without a data directory; with one, its durable
   * definitions and messages go to the store, which restores them at the next start.
   */
  private VirtualHost newVhost(String name) {
    return store == null
        ? new VirtualHost(name, queueExecutors, new InMemoryTopologyStore())
        : new VirtualHost(name, queueExecutors, store.topology(), store.messages());
  }

  /**
   * Every change of the access model, under its monitor: vhosts added or removed in the model are
   * created or deleted here (connections to a deleted one closed with 320), then the new state is
   * saved on the access file's own thread.
   */
  private void accessChanged(AccessSnapshot snapshot) {
    for (String vhost : snapshot.vhosts()) {
      vhosts.computeIfAbsent(vhost, this::newVhost);
    }
    for (VirtualHost vhost : List.copyOf(vhosts.values())) {
      if (!snapshot.vhosts().contains(vhost.name())) {
        vhosts.remove(vhost.name());
        registry.closeVhost(vhost.name(), "vhost '" + vhost.name() + "' is deleted");
        vhost.deleteEverything();
      }
    }
    if (accessFile != null) {
      accessFile.saveLater(snapshot);
    }
  }

  // ---- administration (rabbitmqctl's user, vhost and permission commands) ----

  /**
   * Users, vhosts and permissions: checks read it, and its changes take effect at once (vhosts are
   * created and deleted with it) and are saved to the data directory.
   */
  public AccessControl access() {
    AccessControl current = access;
    if (current == null) {
      throw new IllegalStateException("not started");
    }
    return current;
  }

  /** {@code add_user}; tags such as "administrator", "monitoring", "management". */
  public void addUser(String user, String password, String... tags) {
    access().addUser(user, password, Set.of(tags));
  }

  /** {@code delete_user}: the user and their permissions go; their next operation is refused. */
  public void deleteUser(String user) {
    access().deleteUser(user);
    // As RabbitMQ: the deleted user's open connections are closed with 320.
    registry.closeUser(user, "user '" + user + "' was deleted");
  }

  /** {@code change_password}. */
  public void changePassword(String user, String password) {
    access().changePassword(user, password);
  }

  /** {@code set_user_tags}: replaces the user's tags. */
  public void setUserTags(String user, String... tags) {
    access().setUserTags(user, Set.of(tags));
  }

  /** {@code add_vhost}; false when it existed. */
  public boolean addVhost(String vhost) {
    return access().addVhost(vhost);
  }

  /** {@code delete_vhost}: its connections closed with 320, its queues and exchanges deleted. */
  public void deleteVhost(String vhost) {
    access().deleteVhost(vhost);
  }

  /** {@code set_permissions -p vhost user configure write read}. */
  public void setPermissions(
      String vhost, String user, String configure, String write, String read) {
    access().setPermissions(user, vhost, Permissions.of(configure, write, read));
  }

  /** {@code clear_permissions -p vhost user}. */
  public void clearPermissions(String vhost, String user) {
    access().clearPermissions(user, vhost);
  }

  /** {@code list_users}. */
  public List<User> users() {
    return access().users();
  }

  /** {@code list_vhosts}. */
  public List<String> vhosts() {
    return access().vhosts();
  }

  /** {@code list_permissions -p vhost}: user to permissions. */
  public Map<String, Permissions> permissions(String vhost) {
    return access().vhostPermissions(vhost);
  }

  /** {@code list_user_permissions user}: vhost to permissions. */
  public Map<String, Permissions> userPermissions(String user) {
    return access().userPermissions(user);
  }

  /** Stops: no new connections, every open one closed with 320, threads released. Idempotent. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    http.stop();
    amqpsAddress = null;
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
    if (alarms != null) {
      alarms.stop();
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
    access = null; // later changes would have no broker to apply to
    if (accessFile != null) {
      accessFile.close();
      accessFile = null;
    }
    if (store != null) {
      store.close();
      store = null;
    }
  }

  // ---- read by the management API ----

  /** The open AMQP connections. */
  public List<AmqpConnection> connections() {
    return registry == null ? List.of() : registry.connections();
  }

  /** Runs {@code listener} after a {@link #requestStop} has stopped the broker. */
  public void onStopRequested(Runnable listener) {
    stopListeners.add(listener);
  }

  /**
   * {@code rabbitmqctl stop} over the API: stops on a thread of its own (stop blocks and closes the
   * management listener the request came in on), then tells the listeners (the process exits).
   */
  public void requestStop() {
    Thread stopper =
        new Thread(
            () -> {
              stop();
              stopListeners.forEach(Runnable::run);
            },
            "warren-stop");
    stopper.start();
  }
}
