package io.warrenmq.broker.access;

import java.util.Set;

/**
 * A user: name, password hash ({@link PasswordHash}; empty for a user who cannot log in with a
 * password, as RabbitMQ's {@code clear_password}), and tags (administrator, monitoring, management,
 * policymaker, or any other word). Immutable.
 */
public record User(String name, String passwordHash, Set<String> tags) {
  /** The tags RabbitMQ's management plugin knows. */
  public static final Set<String> KNOWN_TAGS =
      Set.of("administrator", "monitoring", "management", "policymaker", "impersonator");

  public User {
    tags = Set.copyOf(tags);
  }

  /** Whether {@code password} is this user's password. */
  public boolean checkPassword(String password) {
    return !passwordHash.isEmpty() && PasswordHash.verify(password, passwordHash);
  }

  User withPasswordHash(String hash) {
    return new User(name, hash, tags);
  }

  User withTags(Set<String> newTags) {
    return new User(name, passwordHash, newTags);
  }
}
