package io.warrenmq.broker.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One immutable state of the access model: users, vhosts, the permissions of each user in each
 * vhost, and topic permissions (vhost -> user -> exchange -> permission). Readers take the current
 * snapshot without locks; every change builds a new one.
 */
public record AccessSnapshot(
    Map<String, User> users,
    Set<String> vhosts,
    Map<String, Map<String, Permissions>> permissions,
    Map<String, Map<String, Map<String, TopicPermission>>> topicPermissions) {
  /** Nothing at all. */
  public static final AccessSnapshot EMPTY =
      new AccessSnapshot(Map.of(), Set.of(), Map.of(), Map.of());

  public AccessSnapshot {
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    vhosts = Collections.unmodifiableSet(new LinkedHashSet<>(vhosts));
    Map<String, Map<String, Permissions>> copy = new LinkedHashMap<>();
    permissions.forEach(
        (vhost, byUser) ->
            copy.put(vhost, Collections.unmodifiableMap(new LinkedHashMap<>(byUser))));
    permissions = Collections.unmodifiableMap(copy);
    Map<String, Map<String, Map<String, TopicPermission>>> topics = new LinkedHashMap<>();
    topicPermissions.forEach(
        (vhost, byUser) -> {
          Map<String, Map<String, TopicPermission>> kept = new LinkedHashMap<>();
          byUser.forEach(
              (user, byExchange) -> {
                if (!byExchange.isEmpty()) {
                  kept.put(user, Collections.unmodifiableMap(new LinkedHashMap<>(byExchange)));
                }
              });
          if (!kept.isEmpty()) {
            topics.put(vhost, Collections.unmodifiableMap(kept));
          }
        });
    topicPermissions = Collections.unmodifiableMap(topics);
  }

  /** Without topic permissions. */
  public AccessSnapshot(
      Map<String, User> users,
      Set<String> vhosts,
      Map<String, Map<String, Permissions>> permissions) {
    this(users, vhosts, permissions, Map.of());
  }

  /** RabbitMQ's first start: vhost "/", and {@code user} an administrator with ".*" everywhere. */
  public static AccessSnapshot initial(String user, String password, String vhost) {
    return new AccessSnapshot(
        Map.of(user, new User(user, PasswordHash.hash(password), Set.of("administrator"))),
        Set.of(vhost),
        Map.of(vhost, Map.of(user, Permissions.ALL)));
  }

  /** {@code user}'s topic permissions in {@code vhost} by exchange; empty when none. */
  public Map<String, TopicPermission> topicPermissions(String user, String vhost) {
    Map<String, Map<String, TopicPermission>> byUser = topicPermissions.get(vhost);
    Map<String, TopicPermission> found = byUser == null ? null : byUser.get(user);
    return found == null ? Map.of() : found;
  }

  /** {@code user}'s permissions in {@code vhost}, or null when it has none there. */
  public Permissions permissions(String user, String vhost) {
    Map<String, Permissions> byUser = permissions.get(vhost);
    return byUser == null ? null : byUser.get(user);
  }
}
