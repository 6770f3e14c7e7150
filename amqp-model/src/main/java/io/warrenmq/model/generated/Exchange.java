// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;
import io.warrenmq.model.codec.FieldTables;
import java.util.Map;
import java.util.Objects;

/** The methods of AMQP class {@code exchange} (40). */
public final class Exchange {
  /** The class index. */
  public static final int CLASS_INDEX = 40;

  private Exchange() {}

  /**
   * {@code exchange.declare} (40/10): synchronous, answered by {@link DeclareOk}.
   *
   * @param exchange exchange (shortstr)
   * @param type type (shortstr)
   * @param passive passive (bit)
   * @param durable durable (bit)
   * @param autoDelete auto-delete (bit)
   * @param internal internal (bit)
   * @param nowait nowait (bit)
   * @param arguments arguments (table)
   */
  public record Declare(
      String exchange,
      String type,
      boolean passive,
      boolean durable,
      boolean autoDelete,
      boolean internal,
      boolean nowait,
      Map<String, Object> arguments)
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** Checks ranges and nulls; freezes tables. */
    public Declare {
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(type, "type");
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
      return "exchange.declare";
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
          + Wire.shortStringSize(exchange)
          + Wire.shortStringSize(type)
          + FieldTables.tableSize(arguments);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, exchange);
      Wire.writeShortString(out, type);
      Wire.writeOctet(out, (passive ? 1 : 0) | (durable ? 2 : 0) | (autoDelete ? 4 : 0) | (internal ? 8 : 0) | (nowait ? 16 : 0));
      FieldTables.writeTable(out, arguments);
    }

    /** Reads the arguments of a {@code exchange.declare}. */
    public static Declare read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String exchange = Wire.readShortString(in);
      String type = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean passive = (bits0 & 1) != 0;
      boolean durable = (bits0 & 2) != 0;
      boolean autoDelete = (bits0 & 4) != 0;
      boolean internal = (bits0 & 8) != 0;
      boolean nowait = (bits0 & 16) != 0;
      Map<String, Object> arguments = FieldTables.readTable(in);
      return new Declare(exchange, type, passive, durable, autoDelete, internal, nowait, arguments);
    }
  }

  /**
   * {@code exchange.declare-ok} (40/11).
   */
  public record DeclareOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 11;

    /** The only instance there needs to be. */
    public static final DeclareOk INSTANCE = new DeclareOk();

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
      return "exchange.declare-ok";
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

    /** Reads the arguments of a {@code exchange.declare-ok}. */
    public static DeclareOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code exchange.delete} (40/20): synchronous, answered by {@link DeleteOk}.
   *
   * @param exchange exchange (shortstr)
   * @param ifUnused if-unused (bit)
   * @param nowait nowait (bit)
   */
  public record Delete(
      String exchange,
      boolean ifUnused,
      boolean nowait)
      implements Method {
    /** The method index. */
    public static final int INDEX = 20;

    /** Checks ranges and nulls; freezes tables. */
    public Delete {
      Objects.requireNonNull(exchange, "exchange");
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
      return "exchange.delete";
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
          + Wire.shortStringSize(exchange);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, exchange);
      Wire.writeOctet(out, (ifUnused ? 1 : 0) | (nowait ? 2 : 0));
    }

    /** Reads the arguments of a {@code exchange.delete}. */
    public static Delete read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String exchange = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean ifUnused = (bits0 & 1) != 0;
      boolean nowait = (bits0 & 2) != 0;
      return new Delete(exchange, ifUnused, nowait);
    }
  }

  /**
   * {@code exchange.delete-ok} (40/21).
   */
  public record DeleteOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 21;

    /** The only instance there needs to be. */
    public static final DeleteOk INSTANCE = new DeleteOk();

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
      return "exchange.delete-ok";
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

    /** Reads the arguments of a {@code exchange.delete-ok}. */
    public static DeleteOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code exchange.bind} (40/30): synchronous, answered by {@link BindOk}.
   *
   * @param destination destination (shortstr)
   * @param source source (shortstr)
   * @param routingKey routing-key (shortstr)
   * @param nowait nowait (bit)
   * @param arguments arguments (table)
   */
  public record Bind(
      String destination,
      String source,
      String routingKey,
      boolean nowait,
      Map<String, Object> arguments)
      implements Method {
    /** The method index. */
    public static final int INDEX = 30;

    /** Checks ranges and nulls; freezes tables. */
    public Bind {
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(source, "source");
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
      return "exchange.bind";
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
          + Wire.shortStringSize(destination)
          + Wire.shortStringSize(source)
          + Wire.shortStringSize(routingKey)
          + FieldTables.tableSize(arguments);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, destination);
      Wire.writeShortString(out, source);
      Wire.writeShortString(out, routingKey);
      Wire.writeOctet(out, (nowait ? 1 : 0));
      FieldTables.writeTable(out, arguments);
    }

    /** Reads the arguments of a {@code exchange.bind}. */
    public static Bind read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String destination = Wire.readShortString(in);
      String source = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean nowait = (bits0 & 1) != 0;
      Map<String, Object> arguments = FieldTables.readTable(in);
      return new Bind(destination, source, routingKey, nowait, arguments);
    }
  }

  /**
   * {@code exchange.bind-ok} (40/31).
   */
  public record BindOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 31;

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
      return "exchange.bind-ok";
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

    /** Reads the arguments of a {@code exchange.bind-ok}. */
    public static BindOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code exchange.unbind} (40/40): synchronous, answered by {@link UnbindOk}.
   *
   * @param destination destination (shortstr)
   * @param source source (shortstr)
   * @param routingKey routing-key (shortstr)
   * @param nowait nowait (bit)
   * @param arguments arguments (table)
   */
  public record Unbind(
      String destination,
      String source,
      String routingKey,
      boolean nowait,
      Map<String, Object> arguments)
      implements Method {
    /** The method index. */
    public static final int INDEX = 40;

    /** Checks ranges and nulls; freezes tables. */
    public Unbind {
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(source, "source");
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
      return "exchange.unbind";
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
      return reply instanceof UnbindOk;
    }

    @Override
    public int argumentsSize() {
      return 3
          + Wire.shortStringSize(destination)
          + Wire.shortStringSize(source)
          + Wire.shortStringSize(routingKey)
          + FieldTables.tableSize(arguments);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, destination);
      Wire.writeShortString(out, source);
      Wire.writeShortString(out, routingKey);
      Wire.writeOctet(out, (nowait ? 1 : 0));
      FieldTables.writeTable(out, arguments);
    }

    /** Reads the arguments of a {@code exchange.unbind}. */
    public static Unbind read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String destination = Wire.readShortString(in);
      String source = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean nowait = (bits0 & 1) != 0;
      Map<String, Object> arguments = FieldTables.readTable(in);
      return new Unbind(destination, source, routingKey, nowait, arguments);
    }
  }

  /**
   * {@code exchange.unbind-ok} (40/51).
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
      return "exchange.unbind-ok";
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

    /** Reads the arguments of a {@code exchange.unbind-ok}. */
    public static UnbindOk read(ByteBuf in) {
      return INSTANCE;
    }
  }
}
