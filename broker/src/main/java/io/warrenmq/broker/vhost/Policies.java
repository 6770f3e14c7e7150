package io.warrenmq.broker.vhost;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policies of one vhost and the choice among them: of the policies whose pattern and apply-to
 * match an object, the one with the highest priority applies, alone (RabbitMQ does not merge
 * policies); equal priorities go by name. Thread-safe: read by management, changed under the
 * vhost's topology lock.
 */
final class Policies {
  private static final Comparator<Policy> PRECEDENCE =
      Comparator.comparingInt(Policy::priority).reversed().thenComparing(Policy::name);

  private final Map<String, Policy> byName = new ConcurrentHashMap<>();

  /** Adds or replaces; returns the policy it replaced, or null. */
  Policy put(Policy policy) {
    return byName.put(policy.name(), policy);
  }

  Policy remove(String name) {
    return byName.remove(name);
  }

  Policy get(String name) {
    return byName.get(name);
  }

  /**
   * All of them, lowest priority first as rabbitmqctl 3.10 lists them (it orders equal priorities
   * arbitrarily; here by name).
   */
  List<Policy> all() {
    List<Policy> list = new ArrayList<>(byName.values());
    list.sort(Comparator.comparingInt(Policy::priority).thenComparing(Policy::name));
    return list;
  }

  /** The policy for the queue ({@code queue} true) or exchange {@code name}, or null. */
  Policy match(boolean queue, String name) {
    return match(byName.values(), queue, name);
  }

  static Policy match(Collection<Policy> policies, boolean queue, String name) {
    Policy best = null;
    for (Policy policy : policies) {
      if (policy.appliesTo(queue, name) && (best == null || PRECEDENCE.compare(policy, best) < 0)) {
        best = policy;
      }
    }
    return best;
  }
}
