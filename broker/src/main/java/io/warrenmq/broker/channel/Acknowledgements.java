package io.warrenmq.broker.channel;

import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.VirtualHost;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Basic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumer side of a channel's deliveries after they went out: the unacked map, basic.ack,
 * basic.nack, basic.reject and basic.recover, and the consumer timeout that watches the oldest
 * unacked delivery. Settling a delivery gives its prefetch credit back and either ends the message
 * (ack), dead-letters it (reject without requeue) or returns it to its queue (requeue); that is one
 * rule, kept here rather than spread over the channel's method handlers.
 *
 * <p>Confinement: the channel's event loop.
 */
final class Acknowledgements {
  private final VirtualHost vhost;
  private final ConsumerTable consumers;
  private final UnackedMap unacked = new UnackedMap();
  private final ConsumerTimeout consumerTimeout;
  private final List<MessageQueue> freedQueues = new ArrayList<>();
  private boolean settling;

  Acknowledgements(BrokerChannel channel, ConsumerTable consumers) {
    this.vhost = channel.vhost();
    this.consumers = consumers;
    this.consumerTimeout = new ConsumerTimeout(channel);
  }

  /** A delivery that needs an ack went out under {@code tag}. */
  void track(long tag, Unacked delivery) {
    unacked.put(tag, delivery);
    consumerTimeout.delivered();
  }

  /** The oldest delivery awaiting its ack, or null (consumer timeout). */
  Unacked oldest() {
    return unacked.oldest();
  }

  /** Applies an ack, nack or reject, now or as a transaction commits it. */
  void apply(Command command) {
    Method method = command.method();
    if (method instanceof Basic.Ack ack) {
      ack(ack.deliveryTag(), ack.multiple());
    } else if (method instanceof Basic.Reject r) {
      reject(r.deliveryTag(), false, r.requeue());
    } else if (method instanceof Basic.Nack n) {
      reject(n.deliveryTag(), n.multiple(), n.requeue());
    }
  }

  private void ack(long deliveryTag, boolean multiple) {
    List<Unacked> acked = unacked.take(deliveryTag, multiple);
    vhost.counters().acked(acked.size());
    // One counter update per run of deliveries from the same queue, not one per delivery.
    int runStart = 0;
    for (int i = 1; i <= acked.size(); i++) {
      if (i == acked.size() || acked.get(i).queue() != acked.get(runStart).queue()) {
        vhost.queueCounters(acked.get(runStart).queue()).acked(i - runStart);
        runStart = i;
      }
    }
    settle(acked, false, true);
  }

  private void reject(long deliveryTag, boolean multiple, boolean requeue) {
    settle(unacked.take(deliveryTag, multiple), requeue, false);
  }

  /** basic.recover and basic.recover-async: every unacked delivery goes back to its queue. */
  void recover(boolean requeue) {
    if (!requeue) {
      throw AmqpException.notImplemented("requeue=false");
    }
    settle(unacked.takeAll(), true, false);
  }

  /**
   * The channel is closing: unacked deliveries go back with redelivered set (the caller removes the
   * consumers first, so they are not handed straight back here) and the timeout stops.
   */
  void shutdown() {
    settle(unacked.takeAll(), true, false);
    consumerTimeout.stop();
  }

  /** Acked or dropped deliveries release their message; requeued ones go back to their queue. */
  private void settle(List<Unacked> deliveries, boolean requeue, boolean acked) {
    // The queues that got credit back, each once; the reusable list unless a kick re-entered here.
    List<MessageQueue> freed = settling ? new ArrayList<>() : freedQueues;
    settling = true;
    try {
      for (int i = 0; i < deliveries.size(); i++) {
        Unacked delivery = deliveries.get(i);
        if (delivery.consumer() != null) {
          delivery.consumer().releaseCredit();
          addOnce(freed, delivery.queue());
        }
        if (!requeue && acked) {
          delivery.queue().settled(delivery.entry().message());
          delivery.entry().message().release();
        } else if (!requeue) {
          delivery.queue().rejected(delivery.entry().message()); // dead-lettered if it has a DLX
        }
      }
      if (requeue) {
        UnackedMap.byQueue(deliveries).forEach(MessageQueue::requeue);
      }
      for (int i = 0; i < freed.size(); i++) {
        freed.get(i).kick();
      }
      // Channel-wide credit came back too: every queue of the channel may dispatch again.
      if (!freed.isEmpty() && consumers.channelCredit().isLimited()) {
        consumers.kickAll();
      }
    } finally {
      if (freed == freedQueues) {
        freedQueues.clear();
        settling = false;
      }
    }
  }

  /** A channel consumes from a handful of queues at most, so a scan beats a set here. */
  private static void addOnce(List<MessageQueue> queues, MessageQueue queue) {
    int last = queues.size() - 1;
    if (last >= 0 && queues.get(last) == queue) {
      return; // the common run of deliveries from one queue
    }
    for (int i = 0; i < queues.size(); i++) {
      if (queues.get(i) == queue) {
        return;
      }
    }
    queues.add(queue);
  }

  /** Deliveries awaiting ack, per queue, for the management API. */
  Map<MessageQueue, Integer> countByQueue() {
    Map<MessageQueue, Integer> out = new LinkedHashMap<>();
    UnackedMap.byQueue(unacked.peekAll())
        .forEach((queue, entries) -> out.put(queue, entries.size()));
    return out;
  }

  int size() {
    return unacked.size();
  }
}
