package io.warrenmq.broker.access;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The broker's users, vhosts and permissions. Reads (login, every permission check) take the
 * current immutable {@link AccessSnapshot} from a volatile field, lock-free; changes are serialized
 * by this object's monitor, build a new snapshot, swap it in, then hand it to the listener (which
 * persists it off the calling thread). Thread-safe.
 */
public final class AccessControl {
  private volatile AccessSnapshot snapshot;
  private final Consumer<AccessSnapshot> onChange;

  /**
   * @param initial the state to start from
   * @param onChange called with each new snapshot, in order, under this object's monitor; must not
   *     block
   */
  public AccessControl(AccessSnapshot initial, Consumer<AccessSnapshot> onChange) {
    this.snapshot = initial;
    this.onChange = onChange;
  }

  /** The current state. */
  public AccessSnapshot snapshot() {
    return snapshot;
  }

  /** The user if {@code password} is theirs, else null. */
  public User authenticate(String user, String password) {
    User found = snapshot.users().get(user);
    return found != null && found.checkPassword(password) ? found : null;
  }

  /** {@code user}'s permissions in {@code vhost}, or null when it has none there. */
  public Permissions permissions(String user, String vhost) {
    return snapshot.permissions(user, vhost);
  }

  public boolean vhostExists(String vhost) {
    return snapshot.vhosts().contains(vhost);
  }

  // ---- changes ----

  /**
   * @throws IllegalArgumentException when the user exists
   */
  public synchronized void addUser(String name, String password, Set<String> tags) {
    AccessSnapshot s = snapshot;
    if (s.users().containsKey(name)) {
      throw new IllegalArgumentException("user '" + name + "' already exists");
    }
    Map<String, User> users = new LinkedHashMap<>(s.users());
    users.put(name, new User(name, PasswordHash.hash(password), tags));
    swap(new AccessSnapshot(users, s.vhosts(), s.permissions(), s.topicPermissions()));
  }

  /** Deletes the user and every permission of theirs. */
  public synchronized void deleteUser(String name) {
    AccessSnapshot s = snapshot;
    requireUser(s, name);
    Map<String, User> users = new LinkedHashMap<>(s.users());
    users.remove(name);
    Map<String, Map<String, Permissions>> permissions = new LinkedHashMap<>();
    s.permissions()
        .forEach(
            (vhost, byUser) -> {
              Map<String, Permissions> rest = new LinkedHashMap<>(byUser);
              rest.remove(name);
              permissions.put(vhost, rest);
            });
    Map<String, Map<String, Map<String, TopicPermission>>> topics = new LinkedHashMap<>();
    s.topicPermissions()
        .forEach(
            (vhost, byUser) -> {
              Map<String, Map<String, TopicPermission>> rest = new LinkedHashMap<>(byUser);
              rest.remove(name);
              topics.put(vhost, rest);
            });
    swap(new AccessSnapshot(users, s.vhosts(), permissions, topics));
  }

  public synchronized void changePassword(String name, String password) {
    AccessSnapshot s = snapshot;
    User user = requireUser(s, name);
    replaceUser(s, user.withPasswordHash(PasswordHash.hash(password)));
  }

  /** Sets a hash directly (definitions import); the empty hash disables password login. */
  public synchronized void setPasswordHash(String name, String hash) {
    AccessSnapshot s = snapshot;
    replaceUser(s, requireUser(s, name).withPasswordHash(hash));
  }

  public synchronized void setUserTags(String name, Set<String> tags) {
    AccessSnapshot s = snapshot;
    replaceUser(s, requireUser(s, name).withTags(tags));
  }

  /** Adds a vhost; adding one that exists is a no-op returning false. */
  public synchronized boolean addVhost(String vhost) {
    AccessSnapshot s = snapshot;
    if (s.vhosts().contains(vhost)) {
      return false;
    }
    Set<String> vhosts = new LinkedHashSet<>(s.vhosts());
    vhosts.add(vhost);
    swap(new AccessSnapshot(s.users(), vhosts, s.permissions(), s.topicPermissions()));
    return true;
  }

  /** Deletes a vhost and every permission in it. */
  public synchronized void deleteVhost(String vhost) {
    AccessSnapshot s = snapshot;
    requireVhost(s, vhost);
    Set<String> vhosts = new LinkedHashSet<>(s.vhosts());
    vhosts.remove(vhost);
    Map<String, Map<String, Permissions>> permissions = new LinkedHashMap<>(s.permissions());
    permissions.remove(vhost);
    Map<String, Map<String, Map<String, TopicPermission>>> topics =
        new LinkedHashMap<>(s.topicPermissions());
    topics.remove(vhost);
    swap(new AccessSnapshot(s.users(), vhosts, permissions, topics));
  }

  public synchronized void setPermissions(String user, String vhost, Permissions permissions) {
    AccessSnapshot s = snapshot;
    requireUser(s, user);
    requireVhost(s, vhost);
    Map<String, Map<String, Permissions>> all = new LinkedHashMap<>(s.permissions());
    Map<String, Permissions> byUser = new LinkedHashMap<>(all.getOrDefault(vhost, Map.of()));
    byUser.put(user, permissions);
    all.put(vhost, byUser);
    swap(new AccessSnapshot(s.users(), s.vhosts(), all, s.topicPermissions()));
  }

  public synchronized void clearPermissions(String user, String vhost) {
    AccessSnapshot s = snapshot;
    requireUser(s, user);
    requireVhost(s, vhost);
    Map<String, Map<String, Permissions>> all = new LinkedHashMap<>(s.permissions());
    Map<String, Permissions> byUser = new LinkedHashMap<>(all.getOrDefault(vhost, Map.of()));
    byUser.remove(user);
    all.put(vhost, byUser);
    swap(new AccessSnapshot(s.users(), s.vhosts(), all, s.topicPermissions()));
  }

  /** Sets {@code user}'s topic permission on {@code permission.exchange()} in {@code vhost}. */
  public synchronized void setTopicPermission(
      String user, String vhost, TopicPermission permission) {
    AccessSnapshot s = snapshot;
    requireUser(s, user);
    requireVhost(s, vhost);
    Map<String, TopicPermission> byExchange = new LinkedHashMap<>(s.topicPermissions(user, vhost));
    byExchange.put(permission.exchange(), permission);
    swap(withTopicPermissions(s, user, vhost, byExchange));
  }

  /**
   * Clears {@code user}'s topic permission on {@code exchange} in {@code vhost}, or all of them
   * there when {@code exchange} is null. Clearing what is not set is a no-op.
   */
  public synchronized void clearTopicPermissions(String user, String vhost, String exchange) {
    AccessSnapshot s = snapshot;
    requireUser(s, user);
    requireVhost(s, vhost);
    Map<String, TopicPermission> byExchange = new LinkedHashMap<>(s.topicPermissions(user, vhost));
    if (exchange == null) {
      byExchange.clear();
    } else {
      byExchange.remove(exchange);
    }
    swap(withTopicPermissions(s, user, vhost, byExchange));
  }

  private static AccessSnapshot withTopicPermissions(
      AccessSnapshot s, String user, String vhost, Map<String, TopicPermission> byExchange) {
    Map<String, Map<String, Map<String, TopicPermission>>> all =
        new LinkedHashMap<>(s.topicPermissions());
    Map<String, Map<String, TopicPermission>> byUser =
        new LinkedHashMap<>(all.getOrDefault(vhost, Map.of()));
    byUser.put(user, byExchange);
    all.put(vhost, byUser);
    return new AccessSnapshot(s.users(), s.vhosts(), s.permissions(), all);
  }

  // ---- listing ----

  public List<User> users() {
    return List.copyOf(snapshot.users().values());
  }

  public List<String> vhosts() {
    return List.copyOf(snapshot.vhosts());
  }

  /** user -> permissions in {@code vhost} ({@code list_permissions -p vhost}). */
  public Map<String, Permissions> vhostPermissions(String vhost) {
    AccessSnapshot s = snapshot;
    requireVhost(s, vhost);
    return s.permissions().getOrDefault(vhost, Map.of());
  }

  /** vhost -> permissions of {@code user} ({@code list_user_permissions user}). */
  public Map<String, Permissions> userPermissions(String user) {
    AccessSnapshot s = snapshot;
    requireUser(s, user);
    Map<String, Permissions> out = new LinkedHashMap<>();
    s.permissions()
        .forEach(
            (vhost, byUser) -> {
              Permissions p = byUser.get(user);
              if (p != null) {
                out.put(vhost, p);
              }
            });
    return out;
  }

  private void replaceUser(AccessSnapshot s, User user) {
    Map<String, User> users = new LinkedHashMap<>(s.users());
    users.put(user.name(), user);
    swap(new AccessSnapshot(users, s.vhosts(), s.permissions(), s.topicPermissions()));
  }

  private static User requireUser(AccessSnapshot s, String name) {
    User user = s.users().get(name);
    if (user == null) {
      throw new IllegalArgumentException("no such user '" + name + "'");
    }
    return user;
  }

  private static void requireVhost(AccessSnapshot s, String vhost) {
    if (!s.vhosts().contains(vhost)) {
      throw new IllegalArgumentException("no such vhost '" + vhost + "'");
    }
  }

  private void swap(AccessSnapshot next) {
    snapshot = next;
    onChange.accept(next);
  }
}
