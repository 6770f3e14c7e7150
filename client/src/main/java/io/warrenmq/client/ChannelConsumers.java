package io.warrenmq.client;

import io.warrenmq.client.internal.ConsumerEntry;
import io.warrenmq.client.internal.EventQueue;
import io.warrenmq.model.generated.Basic;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The consumers of one {@link BlockingChannel}: starting and cancelling them, the {@code consume()}
 * iterator, and cancellations by the broker with their callbacks.
 *
 * <p>Confinement: the map is concurrent. The I/O thread looks consumers up for deliveries; user
 * threads add and cancel them; a consumer the broker cancelled leaves the map on the dispatching
 * thread, after the deliveries that preceded the cancel (pika's order), and the on-cancel callbacks
 * run there too. The iterator belongs to the thread that consumes.
 */
final class ChannelConsumers {
  private final BlockingChannel channel;
  private final EventQueue events;
  private final ConcurrentHashMap<String, ConsumerEntry> entries = new ConcurrentHashMap<>();
  private final List<Consumer<String>> cancelCallbacks = new CopyOnWriteArrayList<>();
  private volatile ConsumeIterator iterator;

  ChannelConsumers(BlockingChannel channel, EventQueue events) {
    this.channel = channel;
    this.events = events;
  }

  /** The consumer with {@code tag}, or null. Any thread. */
  ConsumerEntry get(String tag) {
    return entries.get(tag);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  void addCancelCallback(Consumer<String> callback) {
    cancelCallbacks.add(callback);
  }

  /** Registers a consumer and sends basic.consume; returns its tag. */
  String start(String queue, ConsumeOptions o, ConsumerEntry.Handler handler) {
    channel.checkUsable();
    String tag =
        o.consumerTag.isEmpty()
            ? "ctag" + channel.channelNumber() + "." + UUID.randomUUID().toString().replace("-", "")
            : o.consumerTag;
    ConsumerEntry entry = new ConsumerEntry(tag, o.autoAck, handler);
    if (entries.putIfAbsent(tag, entry) != null) {
      throw new DuplicateConsumerTag("consumer tag already in use: " + tag);
    }
    try {
      channel.rpc(new Basic.Consume(queue, tag, false, o.autoAck, o.exclusive, false, o.arguments));
    } catch (RuntimeException e) {
      entries.remove(tag, entry);
      throw e;
    }
    return tag;
  }

  /**
   * Cancels a consumer and takes the deliveries that reached this client for it but were not
   * dispatched; after cancel-ok no more can come (spec 1.8.3.5). A manual-ack consumer's are nacked
   * (requeued) here. Returns them either way; empty for an unknown tag.
   */
  List<Delivery> cancel(String tag) {
    ConsumerEntry entry = entries.get(tag);
    if (entry == null) {
      return List.of();
    }
    entry.cancel();
    try {
      if (channel.isOpen()) {
        channel.rpc(new Basic.Cancel(tag, false));
      }
    } finally {
      entries.remove(tag, entry);
      events.wakeUp();
    }
    List<Delivery> pending = new ArrayList<>();
    Delivery delivery;
    while ((delivery = entry.pending().poll()) != null) {
      pending.add(delivery);
    }
    if (!entry.autoAck() && channel.isOpen()) {
      for (Delivery d : pending) {
        channel.basicNack(d.method().deliveryTag());
      }
    }
    return pending;
  }

  /** True when {@code tag} is a manual-ack consumer; false when auto-ack or unknown. */
  boolean isManualAck(String tag) {
    ConsumerEntry entry = entries.get(tag);
    return entry != null && !entry.autoAck();
  }

  /** Cancels every consumer. */
  void cancelAll() {
    for (String tag : new ArrayList<>(entries.keySet())) {
      cancel(tag);
    }
  }

  /** Forgets every consumer without telling the broker: the channel is closing. */
  void clear() {
    entries.values().forEach(ConsumerEntry::cancel);
    entries.clear();
  }

  /** Starts the channel's one {@code consume()} iterator. */
  ConsumeIterator iterate(String queue, ConsumeOptions o) {
    if (iterator != null && !iterator.isCancelled()) {
      throw new ChannelWrongStateError("a consume() iterator is already active on this channel");
    }
    iterator = new ConsumeIterator(channel, o.inactivityTimeout);
    iterator.start(start(queue, o, iterator::offer), o.autoAck);
    return iterator;
  }

  /** Cancels the iterator; returns how many messages were requeued. */
  int cancelIterator() {
    return iterator == null ? 0 : iterator.cancel();
  }

  /** The broker cancelled {@code tag} (basic.cancel from the server); I/O thread. */
  void onBrokerCancel(String tag) {
    ConsumerEntry entry = entries.get(tag);
    if (entry == null) {
      return;
    }
    events.post(
        () -> {
          entries.remove(tag, entry);
          ConsumeIterator it = iterator;
          if (it != null && tag.equals(it.consumerTag())) {
            it.onBrokerCancel();
          }
          for (Consumer<String> callback : cancelCallbacks) {
            callback.accept(tag);
          }
        });
  }
}
