// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;
import io.warrenmq.model.codec.FieldTables;
import java.util.Map;
import java.util.Objects;

/** The methods of AMQP class {@code basic} (60). */
public final class Basic {
  /** The class index. */
  public static final int CLASS_INDEX = 60;

  private Basic() {}

  /**
   * {@code basic.qos} (60/10): synchronous, answered by {@link QosOk}.
   *
   * @param prefetchSize prefetch-size (long)
   * @param prefetchCount prefetch-count (short)
   * @param global global (bit)
   */
  public record Qos(
      long prefetchSize,
      int prefetchCount,
      boolean global)
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** Checks ranges and nulls; freezes tables. */
    public Qos {
      Wire.checkLong(prefetchSize, "prefetch-size");
      Wire.checkShort(prefetchCount, "prefetch-count");
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
      return "basic.qos";
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
      return reply instanceof QosOk;
    }

    @Override
    public int argumentsSize() {
      return 7;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLong(out, prefetchSize);
      Wire.writeShort(out, prefetchCount);
      Wire.writeOctet(out, (global ? 1 : 0));
    }

    /** Reads the arguments of a {@code basic.qos}. */
    public static Qos read(ByteBuf in) {
      long prefetchSize = Wire.readLong(in);
      int prefetchCount = Wire.readShort(in);
      int bits0 = Wire.readOctet(in);
      boolean global = (bits0 & 1) != 0;
      return new Qos(prefetchSize, prefetchCount, global);
    }
  }

  /**
   * {@code basic.qos-ok} (60/11).
   */
  public record QosOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 11;

    /** The only instance there needs to be. */
    public static final QosOk INSTANCE = new QosOk();

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
      return "basic.qos-ok";
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

    /** Reads the arguments of a {@code basic.qos-ok}. */
    public static QosOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code basic.consume} (60/20): synchronous, answered by {@link ConsumeOk}.
   *
   * @param queue queue (shortstr)
   * @param consumerTag consumer-tag (shortstr)
   * @param noLocal no-local (bit)
   * @param noAck no-ack (bit)
   * @param exclusive exclusive (bit)
   * @param nowait nowait (bit)
   * @param arguments arguments (table)
   */
  public record Consume(
      String queue,
      String consumerTag,
      boolean noLocal,
      boolean noAck,
      boolean exclusive,
      boolean nowait,
      Map<String, Object> arguments)
      implements Method {
    /** The method index. */
    public static final int INDEX = 20;

    /** Checks ranges and nulls; freezes tables. */
    public Consume {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(consumerTag, "consumer-tag");
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
      return "basic.consume";
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
      return reply instanceof ConsumeOk;
    }

    @Override
    public int argumentsSize() {
      return 3
          + Wire.shortStringSize(queue)
          + Wire.shortStringSize(consumerTag)
          + FieldTables.tableSize(arguments);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, queue);
      Wire.writeShortString(out, consumerTag);
      Wire.writeOctet(out, (noLocal ? 1 : 0) | (noAck ? 2 : 0) | (exclusive ? 4 : 0) | (nowait ? 8 : 0));
      FieldTables.writeTable(out, arguments);
    }

    /** Reads the arguments of a {@code basic.consume}. */
    public static Consume read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String queue = Wire.readShortString(in);
      String consumerTag = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean noLocal = (bits0 & 1) != 0;
      boolean noAck = (bits0 & 2) != 0;
      boolean exclusive = (bits0 & 4) != 0;
      boolean nowait = (bits0 & 8) != 0;
      Map<String, Object> arguments = FieldTables.readTable(in);
      return new Consume(queue, consumerTag, noLocal, noAck, exclusive, nowait, arguments);
    }
  }

  /**
   * {@code basic.consume-ok} (60/21).
   *
   * @param consumerTag consumer-tag (shortstr)
   */
  public record ConsumeOk(
      String consumerTag)
      implements Method {
    /** The method index. */
    public static final int INDEX = 21;

    /** Checks ranges and nulls; freezes tables. */
    public ConsumeOk {
      Objects.requireNonNull(consumerTag, "consumer-tag");
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
      return "basic.consume-ok";
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
      return Wire.shortStringSize(consumerTag);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, consumerTag);
    }

    /** Reads the arguments of a {@code basic.consume-ok}. */
    public static ConsumeOk read(ByteBuf in) {
      String consumerTag = Wire.readShortString(in);
      return new ConsumeOk(consumerTag);
    }
  }

  /**
   * {@code basic.cancel} (60/30): synchronous, answered by {@link CancelOk}.
   *
   * @param consumerTag consumer-tag (shortstr)
   * @param nowait nowait (bit)
   */
  public record Cancel(
      String consumerTag,
      boolean nowait)
      implements Method {
    /** The method index. */
    public static final int INDEX = 30;

    /** Checks ranges and nulls; freezes tables. */
    public Cancel {
      Objects.requireNonNull(consumerTag, "consumer-tag");
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
      return "basic.cancel";
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
      return reply instanceof CancelOk;
    }

    @Override
    public int argumentsSize() {
      return 1
          + Wire.shortStringSize(consumerTag);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, consumerTag);
      Wire.writeOctet(out, (nowait ? 1 : 0));
    }

    /** Reads the arguments of a {@code basic.cancel}. */
    public static Cancel read(ByteBuf in) {
      String consumerTag = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean nowait = (bits0 & 1) != 0;
      return new Cancel(consumerTag, nowait);
    }
  }

  /**
   * {@code basic.cancel-ok} (60/31).
   *
   * @param consumerTag consumer-tag (shortstr)
   */
  public record CancelOk(
      String consumerTag)
      implements Method {
    /** The method index. */
    public static final int INDEX = 31;

    /** Checks ranges and nulls; freezes tables. */
    public CancelOk {
      Objects.requireNonNull(consumerTag, "consumer-tag");
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
      return "basic.cancel-ok";
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
      return Wire.shortStringSize(consumerTag);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, consumerTag);
    }

    /** Reads the arguments of a {@code basic.cancel-ok}. */
    public static CancelOk read(ByteBuf in) {
      String consumerTag = Wire.readShortString(in);
      return new CancelOk(consumerTag);
    }
  }

  /**
   * {@code basic.publish} (60/40): carries content.
   *
   * @param exchange exchange (shortstr)
   * @param routingKey routing-key (shortstr)
   * @param mandatory mandatory (bit)
   * @param immediate immediate (bit)
   */
  public record Publish(
      String exchange,
      String routingKey,
      boolean mandatory,
      boolean immediate)
      implements Method {
    /** The method index. */
    public static final int INDEX = 40;

    /** Checks ranges and nulls; freezes tables. */
    public Publish {
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(routingKey, "routing-key");
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
      return "basic.publish";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return true;
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
      return 3
          + Wire.shortStringSize(exchange)
          + Wire.shortStringSize(routingKey);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, 0);
      Wire.writeShortString(out, exchange);
      Wire.writeShortString(out, routingKey);
      Wire.writeOctet(out, (mandatory ? 1 : 0) | (immediate ? 2 : 0));
    }

    /** Reads the arguments of a {@code basic.publish}. */
    public static Publish read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String exchange = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean mandatory = (bits0 & 1) != 0;
      boolean immediate = (bits0 & 2) != 0;
      return new Publish(exchange, routingKey, mandatory, immediate);
    }
  }

  /**
   * {@code basic.return} (60/50): carries content.
   *
   * @param replyCode reply-code (short)
   * @param replyText reply-text (shortstr)
   * @param exchange exchange (shortstr)
   * @param routingKey routing-key (shortstr)
   */
  public record Return(
      int replyCode,
      String replyText,
      String exchange,
      String routingKey)
      implements Method {
    /** The method index. */
    public static final int INDEX = 50;

    /** Checks ranges and nulls; freezes tables. */
    public Return {
      Wire.checkShort(replyCode, "reply-code");
      Objects.requireNonNull(replyText, "reply-text");
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(routingKey, "routing-key");
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
      return "basic.return";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return true;
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
      return 2
          + Wire.shortStringSize(replyText)
          + Wire.shortStringSize(exchange)
          + Wire.shortStringSize(routingKey);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, replyCode);
      Wire.writeShortString(out, replyText);
      Wire.writeShortString(out, exchange);
      Wire.writeShortString(out, routingKey);
    }

    /** Reads the arguments of a {@code basic.return}. */
    public static Return read(ByteBuf in) {
      int replyCode = Wire.readShort(in);
      String replyText = Wire.readShortString(in);
      String exchange = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      return new Return(replyCode, replyText, exchange, routingKey);
    }
  }

  /**
   * {@code basic.deliver} (60/60): carries content.
   *
   * @param consumerTag consumer-tag (shortstr)
   * @param deliveryTag delivery-tag (longlong)
   * @param redelivered redelivered (bit)
   * @param exchange exchange (shortstr)
   * @param routingKey routing-key (shortstr)
   */
  public record Deliver(
      String consumerTag,
      long deliveryTag,
      boolean redelivered,
      String exchange,
      String routingKey)
      implements Method {
    /** The method index. */
    public static final int INDEX = 60;

    /** Checks ranges and nulls; freezes tables. */
    public Deliver {
      Objects.requireNonNull(consumerTag, "consumer-tag");
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(routingKey, "routing-key");
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
      return "basic.deliver";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return true;
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
      return 9
          + Wire.shortStringSize(consumerTag)
          + Wire.shortStringSize(exchange)
          + Wire.shortStringSize(routingKey);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, consumerTag);
      Wire.writeLongLong(out, deliveryTag);
      Wire.writeOctet(out, (redelivered ? 1 : 0));
      Wire.writeShortString(out, exchange);
      Wire.writeShortString(out, routingKey);
    }

    /** Reads the arguments of a {@code basic.deliver}. */
    public static Deliver read(ByteBuf in) {
      String consumerTag = Wire.readShortString(in);
      long deliveryTag = Wire.readLongLong(in);
      int bits0 = Wire.readOctet(in);
      boolean redelivered = (bits0 & 1) != 0;
      String exchange = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      return new Deliver(consumerTag, deliveryTag, redelivered, exchange, routingKey);
    }
  }

  /**
   * {@code basic.get} (60/70): synchronous, answered by {@link GetOk} or {@link GetEmpty}.
   *
   * @param queue queue (shortstr)
   * @param noAck no-ack (bit)
   */
  public record Get(
      String queue,
      boolean noAck)
      implements Method {
    /** The method index. */
    public static final int INDEX = 70;

    /** Checks ranges and nulls; freezes tables. */
    public Get {
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
      return "basic.get";
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
      return reply instanceof GetOk
          || reply instanceof GetEmpty;
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
      Wire.writeOctet(out, (noAck ? 1 : 0));
    }

    /** Reads the arguments of a {@code basic.get}. */
    public static Get read(ByteBuf in) {
      Wire.skip(in, 2, "ticket");
      String queue = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean noAck = (bits0 & 1) != 0;
      return new Get(queue, noAck);
    }
  }

  /**
   * {@code basic.get-ok} (60/71): carries content.
   *
   * @param deliveryTag delivery-tag (longlong)
   * @param redelivered redelivered (bit)
   * @param exchange exchange (shortstr)
   * @param routingKey routing-key (shortstr)
   * @param messageCount message-count (long)
   */
  public record GetOk(
      long deliveryTag,
      boolean redelivered,
      String exchange,
      String routingKey,
      long messageCount)
      implements Method {
    /** The method index. */
    public static final int INDEX = 71;

    /** Checks ranges and nulls; freezes tables. */
    public GetOk {
      Objects.requireNonNull(exchange, "exchange");
      Objects.requireNonNull(routingKey, "routing-key");
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
      return "basic.get-ok";
    }

    @Override
    public boolean isSynchronous() {
      return false;
    }

    @Override
    public boolean hasContent() {
      return true;
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
      return 13
          + Wire.shortStringSize(exchange)
          + Wire.shortStringSize(routingKey);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLongLong(out, deliveryTag);
      Wire.writeOctet(out, (redelivered ? 1 : 0));
      Wire.writeShortString(out, exchange);
      Wire.writeShortString(out, routingKey);
      Wire.writeLong(out, messageCount);
    }

    /** Reads the arguments of a {@code basic.get-ok}. */
    public static GetOk read(ByteBuf in) {
      long deliveryTag = Wire.readLongLong(in);
      int bits0 = Wire.readOctet(in);
      boolean redelivered = (bits0 & 1) != 0;
      String exchange = Wire.readShortString(in);
      String routingKey = Wire.readShortString(in);
      long messageCount = Wire.readLong(in);
      return new GetOk(deliveryTag, redelivered, exchange, routingKey, messageCount);
    }
  }

  /**
   * {@code basic.get-empty} (60/72).
   */
  public record GetEmpty()
      implements Method {
    /** The method index. */
    public static final int INDEX = 72;

    /** The only instance there needs to be. */
    public static final GetEmpty INSTANCE = new GetEmpty();

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
      return "basic.get-empty";
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
      return 1;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeOctet(out, 0);
    }

    /** Reads the arguments of a {@code basic.get-empty}. */
    public static GetEmpty read(ByteBuf in) {
      Wire.skipShortString(in);
      return INSTANCE;
    }
  }

  /**
   * {@code basic.ack} (60/80).
   *
   * @param deliveryTag delivery-tag (longlong)
   * @param multiple multiple (bit)
   */
  public record Ack(
      long deliveryTag,
      boolean multiple)
      implements Method {
    /** The method index. */
    public static final int INDEX = 80;

    /** Checks ranges and nulls; freezes tables. */
    public Ack {
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
      return "basic.ack";
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
      return 9;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLongLong(out, deliveryTag);
      Wire.writeOctet(out, (multiple ? 1 : 0));
    }

    /** Reads the arguments of a {@code basic.ack}. */
    public static Ack read(ByteBuf in) {
      long deliveryTag = Wire.readLongLong(in);
      int bits0 = Wire.readOctet(in);
      boolean multiple = (bits0 & 1) != 0;
      return new Ack(deliveryTag, multiple);
    }
  }

  /**
   * {@code basic.reject} (60/90).
   *
   * @param deliveryTag delivery-tag (longlong)
   * @param requeue requeue (bit)
   */
  public record Reject(
      long deliveryTag,
      boolean requeue)
      implements Method {
    /** The method index. */
    public static final int INDEX = 90;

    /** Checks ranges and nulls; freezes tables. */
    public Reject {
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
      return "basic.reject";
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
      return 9;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLongLong(out, deliveryTag);
      Wire.writeOctet(out, (requeue ? 1 : 0));
    }

    /** Reads the arguments of a {@code basic.reject}. */
    public static Reject read(ByteBuf in) {
      long deliveryTag = Wire.readLongLong(in);
      int bits0 = Wire.readOctet(in);
      boolean requeue = (bits0 & 1) != 0;
      return new Reject(deliveryTag, requeue);
    }
  }

  /**
   * {@code basic.recover-async} (60/100).
   *
   * @param requeue requeue (bit)
   */
  public record RecoverAsync(
      boolean requeue)
      implements Method {
    /** The method index. */
    public static final int INDEX = 100;

    /** Checks ranges and nulls; freezes tables. */
    public RecoverAsync {
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
      return "basic.recover-async";
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
      return 1;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeOctet(out, (requeue ? 1 : 0));
    }

    /** Reads the arguments of a {@code basic.recover-async}. */
    public static RecoverAsync read(ByteBuf in) {
      int bits0 = Wire.readOctet(in);
      boolean requeue = (bits0 & 1) != 0;
      return new RecoverAsync(requeue);
    }
  }

  /**
   * {@code basic.recover} (60/110): synchronous, answered by {@link RecoverOk}.
   *
   * @param requeue requeue (bit)
   */
  public record Recover(
      boolean requeue)
      implements Method {
    /** The method index. */
    public static final int INDEX = 110;

    /** Checks ranges and nulls; freezes tables. */
    public Recover {
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
      return "basic.recover";
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
      return reply instanceof RecoverOk;
    }

    @Override
    public int argumentsSize() {
      return 1;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeOctet(out, (requeue ? 1 : 0));
    }

    /** Reads the arguments of a {@code basic.recover}. */
    public static Recover read(ByteBuf in) {
      int bits0 = Wire.readOctet(in);
      boolean requeue = (bits0 & 1) != 0;
      return new Recover(requeue);
    }
  }

  /**
   * {@code basic.recover-ok} (60/111).
   */
  public record RecoverOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 111;

    /** The only instance there needs to be. */
    public static final RecoverOk INSTANCE = new RecoverOk();

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
      return "basic.recover-ok";
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

    /** Reads the arguments of a {@code basic.recover-ok}. */
    public static RecoverOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code basic.nack} (60/120).
   *
   * @param deliveryTag delivery-tag (longlong)
   * @param multiple multiple (bit)
   * @param requeue requeue (bit)
   */
  public record Nack(
      long deliveryTag,
      boolean multiple,
      boolean requeue)
      implements Method {
    /** The method index. */
    public static final int INDEX = 120;

    /** Checks ranges and nulls; freezes tables. */
    public Nack {
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
      return "basic.nack";
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
      return 9;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLongLong(out, deliveryTag);
      Wire.writeOctet(out, (multiple ? 1 : 0) | (requeue ? 2 : 0));
    }

    /** Reads the arguments of a {@code basic.nack}. */
    public static Nack read(ByteBuf in) {
      long deliveryTag = Wire.readLongLong(in);
      int bits0 = Wire.readOctet(in);
      boolean multiple = (bits0 & 1) != 0;
      boolean requeue = (bits0 & 2) != 0;
      return new Nack(deliveryTag, multiple, requeue);
    }
  }
}
