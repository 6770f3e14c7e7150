package io.warrenmq.broker.queue;

import java.util.Map;

/**
 * A queue's declared properties, fixed at creation (spec 1.7.2.1: a redeclare must match them).
 *
 * @param name the queue name
 * @param vhost the name of the virtual host it lives in, for messages
 * @param durable whether it survives a restart (recorded; durability is a later issue)
 * @param exclusiveOwner the owning connection for an exclusive queue, else null
 * @param autoDelete whether it deletes itself when its last consumer goes
 * @param arguments the declare arguments
 */
public record QueueSettings(
    String name,
    String vhost,
    boolean durable,
    Object exclusiveOwner,
    boolean autoDelete,
    Map<String, Object> arguments) {

  /** True for an exclusive queue. */
  public boolean isExclusive() {
    return exclusiveOwner != null;
  }

  /** "queue 'name' in vhost '/'", RabbitMQ's way of naming a queue in reply texts. */
  public String describe() {
    return "queue '" + name + "' in vhost '" + vhost + "'";
  }
}
