package io.warrenmq.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rule a case checks: the AMQP 0-9-1 spec section (or "rabbitmq" for RabbitMQ's documented
 * behaviour where the spec is silent or RabbitMQ deviates from it) and the rule in a sentence.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SpecRule {
  /** The section, e.g. {@code "1.7.2.1"} (queue.declare) or {@code "rabbitmq"}. */
  String section();

  /** The rule, in our own words. */
  String text();
}
