package io.warrenmq.broker.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DATA_DIR/access.txt}: users, vhosts and permissions, one per line, tab-separated, each
 * field URL-encoded (so tabs, newlines and any UTF-8 survive):
 *
 * <pre>
 * # warrenmq access 2
 * vhost             NAME
 * user              NAME  PASSWORD_HASH  TAG,TAG
 * permission        USER  VHOST  CONFIGURE  WRITE  READ
 * topic-permission  USER  VHOST  EXCHANGE  WRITE  READ
 * </pre>
 *
 * Version 2 added topic permissions; a version 1 file (written before them) loads as it is. The
 * version is bumped so that an older broker refuses a newer file whole rather than half-reading it.
 *
 * <p>Saved whole on its own thread ({@code warren-access}): written to {@code access.txt.tmp},
 * forced, then renamed over the file (atomic), so a crash leaves the old or the new file, never a
 * torn one. Saves coalesce: only the newest snapshot is written. Separate from the message store.
 */
public final class AccessFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccessFile.class);
  static final String NAME = "access.txt";
  private static final String HEADER = "# warrenmq access 2";
  private static final Set<String> READABLE = Set.of("# warrenmq access 1", HEADER);

  private final Path file;
  private final Path temp;
  private final AtomicReference<AccessSnapshot> pending = new AtomicReference<>();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "warren-access");
            thread.setDaemon(true);
            return thread;
          });

  public AccessFile(Path dataDir) {
    this.file = dataDir.resolve(NAME);
    this.temp = dataDir.resolve(NAME + ".tmp");
  }

  /** The saved state, or null on a first start (no file yet). */
  public AccessSnapshot load() throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !READABLE.contains(lines.get(0))) {
      throw new IOException(file + ": not a WarrenMQ access file (version 1 or 2)");
    }
    Map<String, User> users = new LinkedHashMap<>();
    Set<String> vhosts = new LinkedHashSet<>();
    Map<String, Map<String, Permissions>> permissions = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, TopicPermission>>> topics = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f =
          Arrays.stream(line.split("\t", -1)).map(AccessFile::decode).toArray(String[]::new);
      switch (f[0] + "/" + f.length) {
        case "vhost/2" -> vhosts.add(f[1]);
        case "user/4" -> users.put(f[1], new User(f[1], f[2], tags(f[3])));
        case "permission/6" ->
            permissions
                .computeIfAbsent(f[2], v -> new LinkedHashMap<>())
                .put(f[1], Permissions.of(f[3], f[4], f[5]));
        case "topic-permission/6" ->
            topics
                .computeIfAbsent(f[2], v -> new LinkedHashMap<>())
                .computeIfAbsent(f[1], u -> new LinkedHashMap<>())
                .put(f[3], TopicPermission.of(f[3], f[4], f[5]));
        default -> throw new IOException(file + ":" + (i + 1) + ": malformed line");
      }
    }
    return new AccessSnapshot(users, vhosts, permissions, topics);
  }

  private static Set<String> tags(String field) {
    Set<String> tags = new TreeSet<>();
    for (String tag : field.split(",")) {
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** Queues {@code snapshot} for saving; never blocks. */
  public void saveLater(AccessSnapshot snapshot) {
    if (pending.getAndSet(snapshot) == null) {
      writer.execute(this::drain);
    }
  }

  private void drain() {
    AccessSnapshot snapshot = pending.getAndSet(null);
    if (snapshot == null) {
      return;
    }
    try {
      save(snapshot);
    } catch (IOException | UncheckedIOException e) {
      LOG.error("could not save {}", file, e);
    }
  }

  /** Writes {@code snapshot} now, on the calling thread: temp file, force, atomic rename. */
  public void save(AccessSnapshot snapshot) throws IOException {
    byte[] bytes = render(snapshot).getBytes(StandardCharsets.UTF_8);
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    forceDirectory();
  }

  /** Makes the rename itself durable (where the platform allows opening a directory). */
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("cannot force directory {}: {}", file.getParent(), e.toString());
    }
  }

  static String render(AccessSnapshot snapshot) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (String vhost : snapshot.vhosts()) {
      line(out, "vhost", vhost);
    }
    for (User user : snapshot.users().values()) {
      line(
          out,
          "user",
          user.name(),
          user.passwordHash(),
          String.join(",", new TreeSet<>(user.tags())));
    }
    snapshot
        .permissions()
        .forEach(
            (vhost, byUser) ->
                byUser.forEach(
                    (user, p) ->
                        line(out, "permission", user, vhost, p.configure(), p.write(), p.read())));
    snapshot
        .topicPermissions()
        .forEach(
            (vhost, byUser) ->
                byUser.forEach(
                    (user, byExchange) ->
                        byExchange.forEach(
                            (exchange, p) ->
                                line(
                                    out,
                                    "topic-permission",
                                    user,
                                    vhost,
                                    exchange,
                                    p.write(),
                                    p.read()))));
    return out.toString();
  }

  private static void line(StringBuilder out, String kind, String... fields) {
    out.append(kind);
    for (String field : fields) {
      out.append('\t').append(URLEncoder.encode(field, StandardCharsets.UTF_8));
    }
    out.append('\n');
  }

  private static String decode(String field) {
    return URLDecoder.decode(field, StandardCharsets.UTF_8);
  }

  /** Writes what is pending and stops the writer thread. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("{} not saved within 10 s", file);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
