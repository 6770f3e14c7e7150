package io.warrenmq.broker;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutorGroup;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.store.FileStore;
import io.warrenmq.broker.store.QueueKey;
import io.warrenmq.broker.store.definitions.Definitions;
import io.warrenmq.broker.vhost.VirtualHost;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up from the data directory: declares the durable exchanges, queues and bindings the store
 * replayed (without recording them again), then hands each durable queue its recovered messages.
 * Runs on the starting thread before the listener is bound.
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private Recovery() {}

  static VirtualHost restore(FileStore store, EventExecutorGroup queueExecutors)
      throws IOException {
    Map<QueueKey, List<Message>> messages = store.start(ByteBufAllocator.DEFAULT);
    VirtualHost vhost = new VirtualHost("/", queueExecutors, store.topology(), store.messages());
    store.topology().restoring(true);
    try {
      declare(vhost, store.definitions());
    } finally {
      store.topology().restoring(false);
    }
    messages.forEach(
        (key, list) -> {
          MessageQueue queue =
              key.vhost().equals(vhost.name()) ? vhost.findQueue(key.queue()) : null;
          if (queue == null) {
            list.forEach(Message::release);
          } else {
            queue.restore(list);
          }
        });
    return vhost;
  }

  private static void declare(VirtualHost vhost, Definitions definitions) {
    String name = vhost.name();
    definitions
        .exchanges()
        .forEach(
            (key, exchange) -> {
              if (key.vhost().equals(name)) {
                vhost.declareExchange(exchange, false);
              }
            });
    definitions
        .queues()
        .forEach(
            (key, queue) -> {
              if (key.vhost().equals(name)) {
                vhost.declareQueue(queue);
              } else {
                LOG.warn(
                    "durable queue {} of unknown vhost '{}' not restored",
                    key.queue(),
                    key.vhost());
              }
            });
    for (Definitions.BindingDef binding : definitions.bindings()) {
      if (!binding.vhost().equals(name)) {
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
