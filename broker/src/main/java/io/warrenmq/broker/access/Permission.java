package io.warrenmq.broker.access;

/** The three kinds of access a permission grants on a resource (RabbitMQ's access control). */
public enum Permission {
  CONFIGURE,
  WRITE,
  READ;

  /** Lower case, as RabbitMQ names it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
