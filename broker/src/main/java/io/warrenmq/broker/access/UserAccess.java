package io.warrenmq.broker.access;

import io.warrenmq.model.AmqpException;
import java.util.Map;

/**
 * The permission checks of one connection: its user in its vhost. Each check reads the current
 * snapshot, so a permission change applies to the next operation. A failure is 403 ACCESS_REFUSED
 * with RabbitMQ's text, which closes the channel. Immutable, thread-safe.
 */
public final class UserAccess {
  private final AccessControl control;
  private final String user;
  private final String vhost;
  private final Map<String, String> variables;

  /**
   * An AMQP 0-9-1 connection: its topic-permission variables are {@code username} and {@code
   * vhost}; RabbitMQ gives such connections no {@code client_id} (only MQTT has one), so that
   * variable stays literal.
   */
  public UserAccess(AccessControl control, String user, String vhost) {
    this(control, user, vhost, Map.of("username", user, "vhost", vhost));
  }

  /**
   * @param variables the values of {@code {name}} variables in topic permissions
   */
  public UserAccess(
      AccessControl control, String user, String vhost, Map<String, String> variables) {
    this.control = control;
    this.user = user;
    this.vhost = vhost;
    this.variables = Map.copyOf(variables);
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

  /**
   * Checks the topic permission ({@link Permission#WRITE} for a publish, {@link Permission#READ}
   * for a binding) on {@code routingKey} at the topic exchange {@code exchange}. Allowed when the
   * user has no topic permission for that exchange, as in RabbitMQ; the caller checks only topic
   * exchanges.
   */
  public void topic(Permission permission, String exchange, String routingKey) {
    TopicPermission granted = control.snapshot().topicPermissions(user, vhost).get(exchange);
    if (granted != null && !granted.allows(permission, routingKey, variables)) {
      throw AmqpException.accessRefused(
          "access to topic '"
              + routingKey
              + "' in exchange '"
              + exchange
              + "' in vhost '"
              + vhost
              + "' refused for user '"
              + user
              + "'");
    }
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
