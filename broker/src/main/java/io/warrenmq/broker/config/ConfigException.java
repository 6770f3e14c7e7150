package io.warrenmq.broker.config;

/** A config file or setting the broker refuses to start with; the message says where and why. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
