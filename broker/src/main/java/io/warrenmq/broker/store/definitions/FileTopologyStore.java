package io.warrenmq.broker.store.definitions;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.store.TopologyStore;
import io.warrenmq.broker.store.definitions.Definitions.BindingDef;
import io.warrenmq.broker.store.log.StoreThread;
import io.warrenmq.broker.vhost.ExchangeSettings;
import io.warrenmq.broker.vhost.Policy;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Durable definitions on disk: each call encodes its record on the caller's thread (no I/O: the
 * vhost calls under its topology lock) and hands it to the store thread, which appends it to the
 * {@link DefinitionsLog} and forces it at its next group commit. Calls made while {@link
 * #restoring} is set (the broker re-declaring what it replayed) are not recorded again.
 */
public final class FileTopologyStore implements TopologyStore {
  private final StoreThread thread;
  private final DefinitionsLog log;
  private volatile boolean restoring;

  public FileTopologyStore(StoreThread thread, DefinitionsLog log) {
    this.thread = thread;
    this.log = log;
  }

  /** While true, calls are ignored: the broker is declaring the definitions it just replayed. */
  public void restoring(boolean on) {
    this.restoring = on;
  }

  @Override
  public void exchangeDeclared(String vhost, ExchangeSettings exchange) {
    submit(out -> DefinitionCodec.exchangeDeclared(out, vhost, exchange));
  }

  @Override
  public void exchangeDeleted(String vhost, String exchange) {
    submit(out -> DefinitionCodec.named(out, DefinitionCodec.EXCHANGE_DELETED, vhost, exchange));
  }

  @Override
  public void queueDeclared(QueueSettings queue) {
    submit(out -> DefinitionCodec.queueDeclared(out, queue));
  }

  @Override
  public void policySet(Policy policy) {
    submit(out -> DefinitionCodec.policySet(out, policy));
  }

  @Override
  public void policyCleared(String vhost, String policy) {
    submit(out -> DefinitionCodec.named(out, DefinitionCodec.POLICY_CLEARED, vhost, policy));
  }

  @Override
  public void queueDeleted(String vhost, String queue) {
    submit(out -> DefinitionCodec.named(out, DefinitionCodec.QUEUE_DELETED, vhost, queue));
  }

  @Override
  public void bindingAdded(
      String vhost,
      String source,
      String destination,
      boolean toExchange,
      String key,
      Map<String, Object> arguments) {
    BindingDef binding = new BindingDef(vhost, source, destination, toExchange, key, arguments);
    submit(out -> DefinitionCodec.binding(out, DefinitionCodec.BINDING_ADDED, binding));
  }

  @Override
  public void bindingRemoved(
      String vhost,
      String source,
      String destination,
      boolean toExchange,
      String key,
      Map<String, Object> arguments) {
    BindingDef binding = new BindingDef(vhost, source, destination, toExchange, key, arguments);
    submit(out -> DefinitionCodec.binding(out, DefinitionCodec.BINDING_REMOVED, binding));
  }

  private void submit(Consumer<ByteBuf> encoder) {
    if (restoring) {
      return;
    }
    ByteBuf out = Unpooled.buffer(64);
    byte[] payload;
    try {
      encoder.accept(out);
      payload = ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
    thread.submit(() -> log.append(payload));
  }
}
