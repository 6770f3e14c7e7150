// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;
import io.warrenmq.model.codec.FieldTables;
import java.util.Map;
import java.util.Objects;

/** The methods of AMQP class {@code queue} (50). */
public final class Queue {
  /** The class index. */
  public static final int CLASS_INDEX = 50;

  private Queue() {}

  /**
   * {@code queue.declare} (50/10): synchronous, answered by {@link DeclareOk}.
   *
   * @param queue queue (shortstr)
   * @param passive passive (bit)
   * @param durable durable (bit)
   * @param exclusive exclusive (bit)
   * @param autoDelete auto-delete (bit)
   * @param nowait nowait (bit)
   * @param arguments arguments (table)
   */
  public record Declare(
      String queue,
      boolean passive,
      boolean durable,
      boolean exclusive,
      boolean autoDelete,
      boolean nowait,
      Map<String, Object> arguments)
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** Checks ranges and nulls; freezes tables. */
    public Declare {
      Objects.requireNonNull(queue, "queue");
      arguments = FieldTables.immutable(arguments);
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.declare";
    }

    @Override
    public boolean isSynchronous() {
      return true;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return !nowait;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return reply instanceof DeclareOk;
    }

    @Override
    public int argumentsSize() {
      return 3
          + Wire.shortStringSize(queue)
          + FieldTables.tableSize(arguments);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, queue);
      Wire.writeOctet(out, (passive ? 1 : 0) | (durable ? 2 : 0) | (exclusive ? 4 : 0) | (autoDelete ? 8 : 0) | (nowait ? 16 : 0));
      FieldTables.writeTable(out, arguments);
    }

    /** Reads the arguments of a {@code queue.declare}. */
    public static Declare read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String queue = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean passive = (bits0 & 1) != 0;
      boolean durable = (bits0 & 2) != 0;
      boolean exclusive = (bits0 & 4) != 0;
      boolean autoDelete = (bits0 & 8) != 0;
      boolean nowait = (bits0 & 16) != 0;
      Map<String, Object> arguments = FieldTables.readTable(in);
      return new Declare(queue, passive, durable, exclusive, autoDelete, nowait, arguments);
    }
  }

  /**
   * {@code queue.declare-ok} (50/11).
   *
   * @param queue queue (shortstr)
   * @param messageCount message-count (long)
   * @param consumerCount consumer-count (long)
   */
  public record DeclareOk(
      String queue,
      long messageCount,
      long consumerCount)
      implements Method {
    /** The method index. */
    public static final int INDEX = 11;

    /** Checks ranges and nulls; freezes tables. */
    public DeclareOk {
      Objects.requireNonNull(queue, "queue");
      Wire.checkLong(messageCount, "message-count");
      Wire.checkLong(consumerCount, "consumer-count");
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.declare-ok";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return false;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return false;
    }

    @Override
    public int argumentsSize() {
      return 8
          + Wire.shortStringSize(queue);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, queue);
      Wire.writeLong(out, messageCount);
      Wire.writeLong(out, consumerCount);
    }

    /** Reads the arguments of a {@code queue.declare-ok}. */
    public static DeclareOk read(ByteBuf in) {
      String queue = Wire.readShortString(in);
      long messageCount = Wire.readLong(in);
      long consumerCount = Wire.readLong(in);
      return new DeclareOk(queue, messageCount, consumerCount);
    }
  }

  /**
   * {@code queue.bind} (50/20): synchronous, answered by {@link BindOk}.
   *
   * @param queue queue (shortstr)
   * @param exchange exchange (shortstr)
   * @param routingKey routing-key (shortstr)
   * @param nowait nowait (bit)
   * @param arguments arguments (table)
   */
  public record Bind(
      String queue,
      String exchange,
      String routingKey,
      boolean nowait,
      Map<String, Object> arguments)
      implements Method {
    /** The method index. */
    public static final int INDEX = 20;

    /** Checks ranges and nulls; freezes tables. */
    public Bind {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(routingKey, "routing-key");
      arguments = FieldTables.immutable(arguments);
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.bind";
    }

    @Override
    public boolean isSynchronous() {
      return true;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return !nowait;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return reply instanceof BindOk;
    }

    @Override
    public int argumentsSize() {
      return 3
          + Wire.shortStringSize(queue)
          + Wire.shortStringSize(exchange)
          + Wire.shortStringSize(routingKey)
          + FieldTables.tableSize(arguments);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, queue);
      Wire.writeShortString(out, exchange);
      Wire.writeShortString(out, routingKey);
      Wire.writeOctet(out, (nowait ? 1 : 0));
      FieldTables.writeTable(out, arguments);
    }

    /** Reads the arguments of a {@code queue.bind}. */
    public static Bind read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String queue = Wire.readShortString(in);
      String exchange = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean nowait = (bits0 & 1) != 0;
      Map<String, Object> arguments = FieldTables.readTable(in);
      return new Bind(queue, exchange, routingKey, nowait, arguments);
    }
  }

  /**
   * {@code queue.bind-ok} (50/21).
   */
  public record BindOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 21;

    /** The only instance there needs to be. */
    public static final BindOk INSTANCE = new BindOk();

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.bind-ok";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return false;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return false;
    }

    @Override
    public int argumentsSize() {
      return 0;
    }

    @Override
    public void writeArguments(ByteBuf out) {
    }

    /** Reads the arguments of a {@code queue.bind-ok}. */
    public static BindOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code queue.purge} (50/30): synchronous, answered by {@link PurgeOk}.
   *
   * @param queue queue (shortstr)
   * @param nowait nowait (bit)
   */
  public record Purge(
      String queue,
      boolean nowait)
      implements Method {
    /** The method index. */
    public static final int INDEX = 30;

    /** Checks ranges and nulls; freezes tables. */
    public Purge {
      Objects.requireNonNull(queue, "queue");
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.purge";
    }

    @Override
    public boolean isSynchronous() {
      return true;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return !nowait;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return reply instanceof PurgeOk;
    }

    @Override
    public int argumentsSize() {
      return 3
          + Wire.shortStringSize(queue);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, queue);
      Wire.writeOctet(out, (nowait ? 1 : 0));
    }

    /** Reads the arguments of a {@code queue.purge}. */
    public static Purge read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String queue = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean nowait = (bits0 & 1) != 0;
      return new Purge(queue, nowait);
    }
  }

  /**
   * {@code queue.purge-ok} (50/31).
   *
   * @param messageCount message-count (long)
   */
  public record PurgeOk(
      long messageCount)
      implements Method {
    /** The method index. */
    public static final int INDEX = 31;

    /** Checks ranges and nulls; freezes tables. */
    public PurgeOk {
      Wire.checkLong(messageCount, "message-count");
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.purge-ok";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return false;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return false;
    }

    @Override
    public int argumentsSize() {
      return 4;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLong(out, messageCount);
    }

    /** Reads the arguments of a {@code queue.purge-ok}. */
    public static PurgeOk read(ByteBuf in) {
      long messageCount = Wire.readLong(in);
      return new PurgeOk(messageCount);
    }
  }

  /**
   * {@code queue.delete} (50/40): synchronous, answered by {@link DeleteOk}.
   *
   * @param queue queue (shortstr)
   * @param ifUnused if-unused (bit)
   * @param ifEmpty if-empty (bit)
   * @param nowait nowait (bit)
   */
  public record Delete(
      String queue,
      boolean ifUnused,
      boolean ifEmpty,
      boolean nowait)
      implements Method {
    /** The method index. */
    public static final int INDEX = 40;

    /** Checks ranges and nulls; freezes tables. */
    public Delete {
      Objects.requireNonNull(queue, "queue");
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.delete";
    }

    @Override
    public boolean isSynchronous() {
      return true;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return !nowait;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return reply instanceof DeleteOk;
    }

    @Override
    public int argumentsSize() {
      return 3
          + Wire.shortStringSize(queue);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, queue);
      Wire.writeOctet(out, (ifUnused ? 1 : 0) | (ifEmpty ? 2 : 0) | (nowait ? 4 : 0));
    }

    /** Reads the arguments of a {@code queue.delete}. */
    public static Delete read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String queue = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean ifUnused = (bits0 & 1) != 0;
      boolean ifEmpty = (bits0 & 2) != 0;
      boolean nowait = (bits0 & 4) != 0;
      return new Delete(queue, ifUnused, ifEmpty, nowait);
    }
  }

  /**
   * {@code queue.delete-ok} (50/41).
   *
   * @param messageCount message-count (long)
   */
  public record DeleteOk(
      long messageCount)
      implements Method {
    /** The method index. */
    public static final int INDEX = 41;

    /** Checks ranges and nulls; freezes tables. */
    public DeleteOk {
      Wire.checkLong(messageCount, "message-count");
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.delete-ok";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return false;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return false;
    }

    @Override
    public int argumentsSize() {
      return 4;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLong(out, messageCount);
    }

    /** Reads the arguments of a {@code queue.delete-ok}. */
    public static DeleteOk read(ByteBuf in) {
      long messageCount = Wire.readLong(in);
      return new DeleteOk(messageCount);
    }
  }

  /**
   * {@code queue.unbind} (50/50): synchronous, answered by {@link UnbindOk}.
   *
   * @param queue queue (shortstr)
   * @param exchange exchange (shortstr)
   * @param routingKey routing-key (shortstr)
   * @param arguments arguments (table)
   */
  public record Unbind(
      String queue,
      String exchange,
      String routingKey,
      Map<String, Object> arguments)
      implements Method {
    /** The method index. */
    public static final int INDEX = 50;

    /** Checks ranges and nulls; freezes tables. */
    public Unbind {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(routingKey, "routing-key");
      arguments = FieldTables.immutable(arguments);
    }

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.unbind";
    }

    @Override
    public boolean isSynchronous() {
      return true;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return true;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return reply instanceof UnbindOk;
    }

    @Override
    public int argumentsSize() {
      return 2
          + Wire.shortStringSize(queue)
          + Wire.shortStringSize(exchange)
          + Wire.shortStringSize(routingKey)
          + FieldTables.tableSize(arguments);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, queue);
      Wire.writeShortString(out, exchange);
      Wire.writeShortString(out, routingKey);
      FieldTables.writeTable(out, arguments);
    }

    /** Reads the arguments of a {@code queue.unbind}. */
    public static Unbind read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String queue = Wire.readShortString(in);
      String exchange = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      Map<String, Object> arguments = FieldTables.readTable(in);
      return new Unbind(queue, exchange, routingKey, arguments);
    }
  }

  /**
   * {@code queue.unbind-ok} (50/51).
   */
  public record UnbindOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 51;

    /** The only instance there needs to be. */
    public static final UnbindOk INSTANCE = new UnbindOk();

    @Override
    public int classIndex() {
      return CLASS_INDEX;
    }

    @Override
    public int methodIndex() {
      return INDEX;
    }

    @Override
    public String methodName() {
      return "queue.unbind-ok";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return false;
    }

    @Override
    public boolean expectsReply() {
      return false;
    }

    @Override
    public boolean isAnsweredBy(Method reply) {
      return false;
    }

    @Override
    public int argumentsSize() {
      return 0;
    }

    @Override
    public void writeArguments(ByteBuf out) {
    }

    /** Reads the arguments of a {@code queue.unbind-ok}. */
    public static UnbindOk read(ByteBuf in) {
      return INSTANCE;
    }
  }
}
