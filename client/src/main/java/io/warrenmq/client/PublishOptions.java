package io.warrenmq.client;

import io.warrenmq.model.generated.BasicProperties;

/**
 * pika's optional keyword arguments of {@code basic_publish}: {@code channel.basicPublish("", "q",
 * body, o -> o.properties(props).mandatory(true))}; publishing with properties alone has its own
 * overload.
 */
public final class PublishOptions {
  BasicProperties properties = BasicProperties.EMPTY;
  boolean mandatory;

  PublishOptions() {}

  /** The message properties. */
  public PublishOptions properties(BasicProperties properties) {
    this.properties = properties == null ? BasicProperties.EMPTY : properties;
    return this;
  }

  /** Return the message (basic.return) when no queue takes it. */
  public PublishOptions mandatory(boolean mandatory) {
    this.mandatory = mandatory;
    return this;
  }
}
