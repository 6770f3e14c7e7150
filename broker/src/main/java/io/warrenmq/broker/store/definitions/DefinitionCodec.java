package io.warrenmq.broker.store.definitions;

import io.netty.buffer.ByteBuf;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.store.definitions.Definitions.BindingDef;
import io.warrenmq.broker.store.log.RecordFormat;
import io.warrenmq.broker.vhost.ExchangeSettings;
import io.warrenmq.broker.vhost.ExchangeType;
import io.warrenmq.broker.vhost.Policy;
import io.warrenmq.model.codec.FieldTables;
import java.util.Map;

/**
 * Definition record payloads: {@code [type]} then, by type, 1 exchange declared {@code
 * [vhost][name] [type name][u8 flags: 1 auto-delete, 2 internal][arguments table]}, 2 exchange
 * deleted {@code [vhost][name]}, 3 queue declared {@code [vhost][name][u8 flags: 1
 * auto-delete][arguments]}, 4 queue deleted {@code [vhost][name]}, 5/6 binding added/removed {@code
 * [vhost][source] [destination][u8 1 if to an exchange][routing key][arguments]}, 7 policy set
 * {@code [vhost][name][pattern][apply-to][i32 priority][definition table]}, 8 policy cleared {@code
 * [vhost][name]}. Tables use the AMQP field-table encoding. Types 7 and 8 came later; older logs
 * simply have none.
 */
final class DefinitionCodec {
  static final byte EXCHANGE_DECLARED = 1;
  static final byte EXCHANGE_DELETED = 2;
  static final byte QUEUE_DECLARED = 3;
  static final byte QUEUE_DELETED = 4;
  static final byte BINDING_ADDED = 5;
  static final byte BINDING_REMOVED = 6;
  static final byte POLICY_SET = 7;
  static final byte POLICY_CLEARED = 8;

  private DefinitionCodec() {}

  static void exchangeDeclared(ByteBuf out, String vhost, ExchangeSettings exchange) {
    out.writeByte(EXCHANGE_DECLARED);
    RecordFormat.writeString(out, vhost);
    RecordFormat.writeString(out, exchange.name());
    RecordFormat.writeString(out, exchange.type().wireName());
    out.writeByte((exchange.autoDelete() ? 1 : 0) | (exchange.internal() ? 2 : 0));
    FieldTables.writeTable(out, exchange.arguments());
  }

  static void named(ByteBuf out, byte type, String vhost, String name) {
    out.writeByte(type);
    RecordFormat.writeString(out, vhost);
    RecordFormat.writeString(out, name);
  }

  static void queueDeclared(ByteBuf out, QueueSettings queue) {
    out.writeByte(QUEUE_DECLARED);
    RecordFormat.writeString(out, queue.vhost());
    RecordFormat.writeString(out, queue.name());
    out.writeByte(queue.autoDelete() ? 1 : 0);
    FieldTables.writeTable(out, queue.arguments());
  }

  static void policySet(ByteBuf out, Policy policy) {
    named(out, POLICY_SET, policy.vhost(), policy.name());
    RecordFormat.writeString(out, policy.pattern());
    RecordFormat.writeString(out, policy.applyTo().wireName());
    out.writeInt(policy.priority());
    FieldTables.writeTable(out, policy.definition());
  }

  static void binding(ByteBuf out, byte type, BindingDef binding) {
    out.writeByte(type);
    RecordFormat.writeString(out, binding.vhost());
    RecordFormat.writeString(out, binding.source());
    RecordFormat.writeString(out, binding.destination());
    out.writeByte(binding.toExchange() ? 1 : 0);
    RecordFormat.writeString(out, binding.key());
    FieldTables.writeTable(out, binding.arguments());
  }

  /** Applies one record to {@code definitions}; throws on a malformed payload. */
  static void apply(ByteBuf payload, Definitions definitions) {
    ByteBuf in = payload.duplicate();
    byte type = in.readByte();
    String vhost = RecordFormat.readString(in);
    String name = RecordFormat.readString(in);
    switch (type) {
      case EXCHANGE_DECLARED -> {
        ExchangeType exchangeType = ExchangeType.of(RecordFormat.readString(in));
        int flags = in.readUnsignedByte();
        Map<String, Object> arguments = FieldTables.readTable(in);
        definitions.exchangeDeclared(
            vhost,
            new ExchangeSettings(
                name, exchangeType, true, (flags & 1) != 0, (flags & 2) != 0, arguments));
      }
      case EXCHANGE_DELETED -> definitions.exchangeDeleted(vhost, name);
      case QUEUE_DECLARED -> {
        boolean autoDelete = (in.readUnsignedByte() & 1) != 0;
        Map<String, Object> arguments = FieldTables.readTable(in);
        definitions.queueDeclared(
            new QueueSettings(name, vhost, true, null, autoDelete, arguments));
      }
      case QUEUE_DELETED -> definitions.queueDeleted(vhost, name);
      case BINDING_ADDED, BINDING_REMOVED -> {
        String destination = RecordFormat.readString(in);
        boolean toExchange = in.readUnsignedByte() == 1;
        String key = RecordFormat.readString(in);
        Map<String, Object> arguments = FieldTables.readTable(in);
        BindingDef binding = new BindingDef(vhost, name, destination, toExchange, key, arguments);
        if (type == BINDING_ADDED) {
          definitions.bindingAdded(binding);
        } else {
          definitions.bindingRemoved(binding);
        }
      }
      case POLICY_SET -> {
        String pattern = RecordFormat.readString(in);
        Policy.ApplyTo applyTo = Policy.ApplyTo.of(RecordFormat.readString(in));
        int priority = in.readInt();
        Map<String, Object> definition = FieldTables.readTable(in);
        definitions.policySet(new Policy(vhost, name, pattern, applyTo, priority, definition));
      }
      case POLICY_CLEARED -> definitions.policyCleared(vhost, name);
      default -> throw new IllegalStateException("unknown definition record type " + type);
    }
  }

  /** Writes the records that declare everything in {@code definitions} (compaction). */
  static void writeAll(ByteBuf out, Definitions definitions) {
    definitions
        .exchanges()
        .forEach((key, exchange) -> record(out, o -> exchangeDeclared(o, key.vhost(), exchange)));
    definitions.queues().values().forEach(queue -> record(out, o -> queueDeclared(o, queue)));
    definitions.bindings().forEach(b -> record(out, o -> binding(o, BINDING_ADDED, b)));
    definitions.policies().values().forEach(p -> record(out, o -> policySet(o, p)));
  }

  static void record(ByteBuf out, java.util.function.Consumer<ByteBuf> payload) {
    int start = RecordFormat.begin(out);
    payload.accept(out);
    RecordFormat.end(out, start);
  }
}
