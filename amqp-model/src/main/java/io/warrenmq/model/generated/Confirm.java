// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;

/** The methods of AMQP class {@code confirm} (85). */
public final class Confirm {
  /** The class index. */
  public static final int CLASS_INDEX = 85;

  private Confirm() {}

  /**
   * {@code confirm.select} (85/10): synchronous, answered by {@link SelectOk}.
   *
   * @param nowait nowait (bit)
   */
  public record Select(
      boolean nowait)
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** Checks ranges and nulls; freezes tables. */
    public Select {
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
      return "confirm.select";
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
      return reply instanceof SelectOk;
    }

    @Override
    public int argumentsSize() {
      return 1;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeOctet(out, (nowait ? 1 : 0));
    }

    /** Reads the arguments of a {@code confirm.select}. */
    public static Select read(ByteBuf in) {
      int bits0 = Wire.readOctet(in);
      boolean nowait = (bits0 & 1) != 0;
      return new Select(nowait);
    }
  }

  /**
   * {@code confirm.select-ok} (85/11).
   */
  public record SelectOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 11;

    /** The only instance there needs to be. */
    public static final SelectOk INSTANCE = new SelectOk();

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
      return "confirm.select-ok";
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

    /** Reads the arguments of a {@code confirm.select-ok}. */
    public static SelectOk read(ByteBuf in) {
      return INSTANCE;
    }
  }
}
