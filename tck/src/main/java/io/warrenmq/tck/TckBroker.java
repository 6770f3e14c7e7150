package io.warrenmq.tck;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.client.URLParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The broker under test, as one case sees it: connections through our client, raw-frame
 * connections, and unique names for queues and exchanges. Everything it opened or named is closed
 * or deleted after the case ({@link #close()}), so cases do not see each other's leftovers on a
 * long-lived broker such as RabbitMQ.
 */
public final class TckBroker implements ExtensionContext.Store.CloseableResource {
  private final String uri;
  private final String deniedVhost;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final List<String> queues = new ArrayList<>();
  private final List<String> exchanges = new ArrayList<>();

  TckBroker(String uri, String deniedVhost) {
    this.uri = uri;
    this.deniedVhost = deniedVhost;
  }

  /** The broker's AMQP URI. */
  public String uri() {
    return uri;
  }

  /** Fresh parameters parsed from the URI. */
  public ConnectionParameters params() {
    return new URLParameters(uri);
  }

  /** The user name in the URI. */
  public String user() {
    return ((io.warrenmq.client.PlainCredentials) params().credentials()).username();
  }

  /** A vhost that exists but the user may not open, when the run was given one. */
  public Optional<String> deniedVhost() {
    return Optional.ofNullable(deniedVhost);
  }

  /** Opens a connection with our client; closed after the case. */
  public BlockingConnection connect() {
    return connect(p -> {});
  }

  /** Opens a connection with parameters adjusted by {@code tweak}; closed after the case. */
  public synchronized BlockingConnection connect(Consumer<ConnectionParameters> tweak) {
    ConnectionParameters params = params();
    tweak.accept(params);
    BlockingConnection connection = new BlockingConnection(params);
    opened.add(connection);
    return connection;
  }

  /** Opens a connection and a channel on it. */
  public BlockingChannel channel() {
    return connect().channel();
  }

  /** Opens a raw-frame connection that has completed the handshake; closed after the case. */
  public synchronized RawConnection raw() {
    RawConnection raw = RawConnection.open(params());
    opened.add(raw);
    return raw;
  }

  /** Opens a raw socket that has sent nothing yet; closed after the case. */
  public synchronized RawConnection rawUnopened() {
    RawConnection raw = RawConnection.connect(params());
    opened.add(raw);
    return raw;
  }

  /** A unique queue name, deleted after the case. */
  public synchronized String queue(String prefix) {
    String name = unique(prefix);
    queues.add(name);
    return name;
  }

  /** A unique exchange name, deleted after the case. */
  public synchronized String exchange(String prefix) {
    String name = unique(prefix);
    exchanges.add(name);
    return name;
  }

  /** A unique name that is not cleaned up (for names that must never exist). */
  public static String unique(String prefix) {
    return "tck." + prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception ignored) {
        // A case may have ended the connection on purpose (an error case); nothing to undo.
      }
    }
    opened.clear();
    if (queues.isEmpty() && exchanges.isEmpty()) {
      return;
    }
    try (BlockingConnection connection = new BlockingConnection(params())) {
      for (String q : queues) {
        deleteQuietly(connection, ch -> ch.queueDelete(q));
      }
      for (String e : exchanges) {
        deleteQuietly(connection, ch -> ch.exchangeDelete(e));
      }
    } catch (RuntimeException ignored) {
      // Cleanup is best effort: a broken broker already failed the case itself.
    }
  }

  private static void deleteQuietly(BlockingConnection connection, Consumer<BlockingChannel> op) {
    try {
      BlockingChannel ch = connection.channel();
      op.accept(ch);
      ch.close();
    } catch (RuntimeException ignored) {
      // Already gone (auto-delete, exclusive) or never declared.
    }
  }
}
