// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;
import java.util.Objects;

/** The methods of AMQP class {@code channel} (20). */
public final class Channel {
  /** The class index. */
  public static final int CLASS_INDEX = 20;

  private Channel() {}

  /**
   * {@code channel.open} (20/10): synchronous, answered by {@link OpenOk}.
   */
  public record Open()
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** The only instance there needs to be. */
    public static final Open INSTANCE = new Open();

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
      return "channel.open";
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
      return reply instanceof OpenOk;
    }

    @Override
    public int argumentsSize() {
      return 1;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeOctet(out, 0);
    }

    /** Reads the arguments of a {@code channel.open}. */
    public static Open read(ByteBuf in) {
      Wire.skipShortString(in);
      return INSTANCE;
    }
  }

  /**
   * {@code channel.open-ok} (20/11).
   */
  public record OpenOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 11;

    /** The only instance there needs to be. */
    public static final OpenOk INSTANCE = new OpenOk();

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
      return "channel.open-ok";
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
      Wire.writeLong(out, 0);
    }

    /** Reads the arguments of a {@code channel.open-ok}. */
    public static OpenOk read(ByteBuf in) {
      Wire.skipLongString(in);
      return INSTANCE;
    }
  }

  /**
   * {@code channel.flow} (20/20): synchronous, answered by {@link FlowOk}.
   *
   * @param active active (bit)
   */
  public record Flow(
      boolean active)
      implements Method {
    /** The method index. */
    public static final int INDEX = 20;

    /** Checks ranges and nulls; freezes tables. */
    public Flow {
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
      return "channel.flow";
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
      return reply instanceof FlowOk;
    }

    @Override
    public int argumentsSize() {
      return 1;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeOctet(out, (active ? 1 : 0));
    }

    /** Reads the arguments of a {@code channel.flow}. */
    public static Flow read(ByteBuf in) {
      int bits0 = Wire.readOctet(in);
      boolean active = (bits0 & 1) != 0;
      return new Flow(active);
    }
  }

  /**
   * {@code channel.flow-ok} (20/21).
   *
   * @param active active (bit)
   */
  public record FlowOk(
      boolean active)
      implements Method {
    /** The method index. */
    public static final int INDEX = 21;

    /** Checks ranges and nulls; freezes tables. */
    public FlowOk {
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
      return "channel.flow-ok";
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
      Wire.writeOctet(out, (active ? 1 : 0));
    }

    /** Reads the arguments of a {@code channel.flow-ok}. */
    public static FlowOk read(ByteBuf in) {
      int bits0 = Wire.readOctet(in);
      boolean active = (bits0 & 1) != 0;
      return new FlowOk(active);
    }
  }

  /**
   * {@code channel.close} (20/40): synchronous, answered by {@link CloseOk}.
   *
   * @param replyCode reply-code (short)
   * @param replyText reply-text (shortstr)
   * @param classId class-id (short)
   * @param methodId method-id (short)
   */
  public record Close(
      int replyCode,
      String replyText,
      int classId,
      int methodId)
      implements Method {
    /** The method index. */
    public static final int INDEX = 40;

    /** Checks ranges and nulls; freezes tables. */
    public Close {
      Wire.checkShort(replyCode, "reply-code");
      Objects.requireNonNull(replyText, "reply-text");
      Wire.checkShort(classId, "class-id");
      Wire.checkShort(methodId, "method-id");
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
      return "channel.close";
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
      return reply instanceof CloseOk;
    }

    @Override
    public int argumentsSize() {
      return 6
          + Wire.shortStringSize(replyText);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, replyCode);
      Wire.writeShortString(out, replyText);
      Wire.writeShort(out, classId);
      Wire.writeShort(out, methodId);
    }

    /** Reads the arguments of a {@code channel.close}. */
    public static Close read(ByteBuf in) {
      int replyCode = Wire.readShort(in);
      String replyText = Wire.readShortString(in);
      int classId = Wire.readShort(in);
      int methodId = Wire.readShort(in);
      return new Close(replyCode, replyText, classId, methodId);
    }
  }

  /**
   * {@code channel.close-ok} (20/41).
   */
  public record CloseOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 41;

    /** The only instance there needs to be. */
    public static final CloseOk INSTANCE = new CloseOk();

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
      return "channel.close-ok";
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

    /** Reads the arguments of a {@code channel.close-ok}. */
    public static CloseOk read(ByteBuf in) {
      return INSTANCE;
    }
  }
}
