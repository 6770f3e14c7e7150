package io.warrenmq.broker.access;

import io.warrenmq.model.AmqpException;

/**
 * The permission checks of one connection: its user in its vhost. Each check reads the current
 * snapshot, so a permission change applies to the next operation. A failure is 403 ACCESS_REFUSED
 * with RabbitMQ's text, which closes the channel. Immutable, thread-safe.
 */
public final class UserAccess {
  private final AccessControl control;
  private final String user;
  private final String vhost;

  public UserAccess(AccessControl control, String user, String vhost) {
    this.control = control;
    this.user = user;
    this.vhost = vhost;
  }

  public String user() {
    return user;
  }

  /** Checks {@code permission} on the queue {@code queue}. */
  public void queue(Permission permission, String queue) {
    check(permission, "queue", queue);
  }

  /** Checks {@code permission} on the exchange {@code exchange} ("" is {@code amq.default}). */
  public void exchange(Permission permission, String exchange) {
    // RabbitMQ checks the default exchange under the name amq.default.
    check(permission, "exchange", exchange.isEmpty() ? "amq.default" : exchange);
  }

  private void check(Permission permission, String kind, String name) {
    Permissions granted = control.permissions(user, vhost);
    if (granted == null || !granted.allows(permission, name)) {
      throw AmqpException.accessRefused(
          "access to "
              + kind
              + " '"
              + name
              + "' in vhost '"
              + vhost
              + "' refused for user '"
              + user
              + "'");
    }
  }
}
