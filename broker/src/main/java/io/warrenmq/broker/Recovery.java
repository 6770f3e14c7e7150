package io.warrenmq.broker;

import io.netty.util.concurrent.EventExecutorGroup;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.store.FileStore;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.RecoveredMessages;
import io.warrenmq.broker.store.definitions.Definitions;
import io.warrenmq.broker.vhost.VirtualHost;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up from the data directory: sets the policies and declares the durable exchanges, queues
 * and bindings the store replayed (without recording them again), then hands each durable queue its
 * recovered messages. Runs on the starting thread before the listener is bound.
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private Recovery() {}

  /**
   * Restores every vhost in {@code names} (the access model's vhosts) with its durable objects and
   * messages; definitions and messages of vhosts that no longer exist are dropped, with a warning.
   */
  static Map<String, VirtualHost> restore(
      FileStore store, EventExecutorGroup queueExecutors, Collection<String> names)
      throws IOException {
    Map<QueueKey, RecoveredMessages> messages = store.start();
    Map<String, VirtualHost> vhosts = new LinkedHashMap<>();
    for (String name : names) {
      vhosts.put(name, new VirtualHost(name, queueExecutors, store.topology(), store.messages()));
    }
    store.topology().restoring(true);
    try {
      declare(vhosts, store.definitions());
    } finally {
      store.topology().restoring(false);
    }
    messages.forEach(
        (key, list) -> {
          VirtualHost vhost = vhosts.get(key.vhost());
          MessageQueue queue = vhost == null ? null : vhost.findQueue(key.queue());
          if (queue != null) {
            queue.restore(list);
          }
        });
    return vhosts;
  }

  private static void declare(Map<String, VirtualHost> vhosts, Definitions definitions) {
    // Policies first, so that queues start with theirs in force.
    definitions
        .policies()
        .forEach(
            (key, policy) -> {
              VirtualHost vhost = vhosts.get(key.vhost());
              if (vhost != null) {
                vhost.setPolicy(policy);
              }
            });
    definitions
        .exchanges()
        .forEach(
            (key, exchange) -> {
              VirtualHost vhost = vhosts.get(key.vhost());
              if (vhost != null) {
                vhost.declareExchange(exchange, false);
              }
            });
    definitions
        .queues()
        .forEach(
            (key, queue) -> {
              VirtualHost vhost = vhosts.get(key.vhost());
              if (vhost != null) {
                vhost.declareQueue(queue);
              } else {
                LOG.warn(
                    "durable queue {} of unknown vhost '{}' not restored",
                    key.queue(),
                    key.vhost());
              }
            });
    for (Definitions.BindingDef binding : definitions.bindings()) {
      VirtualHost vhost = vhosts.get(binding.vhost());
      if (vhost == null) {
        continue;
      }
      try {
        if (binding.toExchange()) {
          vhost.bindExchange(
              binding.destination(), binding.source(), binding.key(), binding.arguments());
        } else {
          vhost.bindQueue(
              vhost.queue(binding.destination(), null),
              binding.source(),
              binding.key(),
              binding.arguments());
        }
      } catch (RuntimeException e) {
        LOG.warn("binding {} not restored: {}", binding, e.toString());
      }
    }
  }
}
