package io.warrenmq.broker.vhost;

import io.warrenmq.broker.queue.MessageQueue;
import java.util.Collection;

/**
 * Keeps every queue and exchange of a vhost under the policy that currently wins for it ({@link
 * Policies} makes the choice): a new object gets its policy when it is created, and each change to
 * the set of policies is put into effect on all objects at once, as in RabbitMQ. The default
 * exchange takes no policies.
 *
 * <p>Confinement: called under the vhost's topology lock, so a policy change and a declare never
 * interleave. A queue hands the change on to its own executor; an exchange keeps it in a volatile
 * field that publishers read.
 */
final class EffectivePolicies {
  private final Policies policies;

  EffectivePolicies(Policies policies) {
    this.policies = policies;
  }

  /** Puts the winning policy (or none) into effect on a queue being created. */
  void applyTo(MessageQueue queue) {
    apply(queue, policies.match(true, queue.name()));
  }

  /** Puts the winning policy (or none) into effect on an exchange being created. */
  void applyTo(Exchange exchange) {
    exchange.applyPolicy(policies.match(false, exchange.name()));
  }

  /**
   * After the set of policies changed: every queue and exchange under its winning policy, or none.
   * Queues that had no policy and still get none are left alone.
   */
  void reapply(Collection<MessageQueue> queues, Collection<Exchange> exchanges) {
    for (MessageQueue queue : queues) {
      Policy policy = policies.match(true, queue.name());
      if (policy != null || queue.policyName() != null) {
        apply(queue, policy);
      }
    }
    for (Exchange exchange : exchanges) {
      if (!exchange.name().isEmpty()) {
        applyTo(exchange);
      }
    }
  }

  private static void apply(MessageQueue queue, Policy policy) {
    if (policy == null) {
      queue.applyPolicy(null, null);
    } else {
      queue.applyPolicy(policy.name(), policy.definition());
    }
  }
}
