package io.warrenmq.broker.vhost;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An operator policy of one vhost, as RabbitMQ's {@code rabbitmqctl set_policy}: the queues and/or
 * exchanges whose names match {@code pattern} take the keys of {@code definition} (checked by
 * {@link PolicyDefinition}); of several matching policies only the one with the highest priority
 * applies. Immutable.
 *
 * @param vhost the vhost it belongs to
 * @param name its name, unique in the vhost
 * @param pattern a regular expression searched for in object names (unanchored, as RabbitMQ)
 * @param applyTo which objects it is for
 * @param priority higher wins
 * @param definition the policy keys and their values
 */
public record Policy(
    String vhost,
    String name,
    String pattern,
    ApplyTo applyTo,
    int priority,
    Map<String, Object> definition) {

  /** RabbitMQ's {@code apply-to} values. */
  public enum ApplyTo {
    QUEUES("queues"),
    EXCHANGES("exchanges"),
    ALL("all");

    private final String wireName;

    ApplyTo(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** The value for {@code name}; IllegalArgumentException with RabbitMQ's text otherwise. */
    public static ApplyTo of(String name) {
      for (ApplyTo value : values()) {
        if (value.wireName.equals(name)) {
          return value;
        }
      }
      throw new IllegalArgumentException(
          "Validation failed\n\napply-to '"
              + name
              + "' unrecognised; should be 'queues', 'exchanges' or 'all'\n");
    }
  }

  public Policy {
    definition = Map.copyOf(definition);
    try {
      Pattern.compile(pattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Validation failed\n\npattern should be regular expression but is invalid: "
              + e.getDescription()
              + "\n");
    }
  }

  /** True when this policy is for a queue ({@code queue} true) or exchange named {@code name}. */
  public boolean appliesTo(boolean queue, String name) {
    boolean kind = applyTo == ApplyTo.ALL || (applyTo == ApplyTo.QUEUES) == queue;
    return kind && Pattern.compile(pattern).matcher(name).find();
  }
}
