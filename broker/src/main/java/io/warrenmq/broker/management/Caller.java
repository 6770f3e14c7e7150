package io.warrenmq.broker.management;

import io.warrenmq.broker.access.AccessControl;
import io.warrenmq.broker.access.User;
import io.warrenmq.broker.access.UserAccess;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.ReplyCode;
import java.util.function.Consumer;

/**
 * The authenticated user of a request and what their tags let them do, as RabbitMQ's management
 * plugin decides it: {@code administrator} everything; {@code monitoring} read everything; {@code
 * management} read the vhosts it has permissions in. Immutable.
 */
record Caller(User user, AccessControl access) {
  static final String ADMINISTRATOR = "administrator";
  static final String MONITORING = "monitoring";
  static final String MANAGEMENT = "management";
  static final String POLICYMAKER = "policymaker";

  /**
   * A caller that sees every connection, for answers filtered by vhost rather than by owner
   * (consumers, queue counts): RabbitMQ shows a management user every consumer of its vhosts.
   */
  static Caller everything(Caller caller) {
    return new Caller(
        new User(caller.user.name(), "", java.util.Set.of(MONITORING)), caller.access);
  }

  /** Whether the user may use the API at all. */
  boolean isManagementUser() {
    return user.tags().contains(ADMINISTRATOR)
        || user.tags().contains(MONITORING)
        || user.tags().contains(MANAGEMENT)
        || user.tags().contains(POLICYMAKER);
  }

  boolean isAdministrator() {
    return user.tags().contains(ADMINISTRATOR);
  }

  /** Administrators and monitoring users see every vhost's objects and every connection. */
  boolean seesEverything() {
    return isAdministrator() || user.tags().contains(MONITORING);
  }

  /** Whether the user may read {@code vhost}'s queues. */
  boolean canSee(String vhost) {
    return isAdministrator()
        || user.tags().contains(MONITORING)
        || access.permissions(user.name(), vhost) != null;
  }

  /** 401 unless the user is an administrator. */
  void requireAdministrator() {
    if (!isAdministrator()) {
      throw ApiException.notAuthorised("Not administrator user");
    }
  }

  /**
   * Runs the AMQP permission {@code checks} for an operation in {@code vhost}; administrators skip
   * them. A refusal is RabbitMQ's 401 {@code not_authorised} with the AMQP reply text.
   */
  void check(String vhost, Consumer<UserAccess> checks) {
    if (isAdministrator()) {
      return;
    }
    try {
      checks.accept(new UserAccess(access, user.name(), vhost));
    } catch (AmqpException e) {
      if (e.replyCode() == ReplyCode.ACCESS_REFUSED) {
        throw ApiException.notAuthorised(e.replyText());
      }
      throw e;
    }
  }

  /** 401 unless the user may see {@code vhost}. */
  void requireVhost(String vhost) {
    if (!canSee(vhost)) {
      throw ApiException.notAuthorised("Access refused.");
    }
  }
}
