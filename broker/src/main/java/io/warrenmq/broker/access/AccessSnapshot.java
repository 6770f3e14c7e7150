package io.warrenmq.broker.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One immutable state of the access model: users, vhosts, and the permissions of each user in each
 * vhost. Readers take the current snapshot without locks; every change builds a new one.
 */
public record AccessSnapshot(
    Map<String, User> users,
    Set<String> vhosts,
    Map<String, Map<String, Permissions>> permissions) {
  /** Nothing at all. */
  public static final AccessSnapshot EMPTY = new AccessSnapshot(Map.of(), Set.of(), Map.of());

  public AccessSnapshot {
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    vhosts = Collections.unmodifiableSet(new LinkedHashSet<>(vhosts));
    Map<String, Map<String, Permissions>> copy = new LinkedHashMap<>();
    permissions.forEach(
        (vhost, byUser) ->
            copy.put(vhost, Collections.unmodifiableMap(new LinkedHashMap<>(byUser))));
    permissions = Collections.unmodifiableMap(copy);
  }

  /** RabbitMQ's first start: vhost "/", and {@code user} an administrator with ".*" everywhere. */
  public static AccessSnapshot initial(String user, String password, String vhost) {
    return new AccessSnapshot(
        Map.of(user, new User(user, PasswordHash.hash(password), Set.of("administrator"))),
        Set.of(vhost),
        Map.of(vhost, Map.of(user, Permissions.ALL)));
  }

  /** {@code user}'s permissions in {@code vhost}, or null when it has none there. */
  public Permissions permissions(String user, String vhost) {
    Map<String, Permissions> byUser = permissions.get(vhost);
    return byUser == null ? null : byUser.get(user);
  }
}
