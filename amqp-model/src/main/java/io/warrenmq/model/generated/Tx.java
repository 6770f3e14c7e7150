// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;

/** The methods of AMQP class {@code tx} (90). */
public final class Tx {
  /** The class index. */
  public static final int CLASS_INDEX = 90;

  private Tx() {}

  /**
   * {@code tx.select} (90/10): synchronous, answered by {@link SelectOk}.
   */
  public record Select()
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** The only instance there needs to be. */
    public static final Select INSTANCE = new Select();

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
      return "tx.select";
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
      return reply instanceof SelectOk;
    }

    @Override
    public int argumentsSize() {
      return 0;
    }

    @Override
    public void writeArguments(ByteBuf out) {
    }

    /** Reads the arguments of a {@code tx.select}. */
    public static Select read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code tx.select-ok} (90/11).
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
      return "tx.select-ok";
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

    /** Reads the arguments of a {@code tx.select-ok}. */
    public static SelectOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code tx.commit} (90/20): synchronous, answered by {@link CommitOk}.
   */
  public record Commit()
      implements Method {
    /** The method index. */
    public static final int INDEX = 20;

    /** The only instance there needs to be. */
    public static final Commit INSTANCE = new Commit();

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
      return "tx.commit";
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
      return reply instanceof CommitOk;
    }

    @Override
    public int argumentsSize() {
      return 0;
    }

    @Override
    public void writeArguments(ByteBuf out) {
    }

    /** Reads the arguments of a {@code tx.commit}. */
    public static Commit read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code tx.commit-ok} (90/21).
   */
  public record CommitOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 21;

    /** The only instance there needs to be. */
    public static final CommitOk INSTANCE = new CommitOk();

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
      return "tx.commit-ok";
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

    /** Reads the arguments of a {@code tx.commit-ok}. */
    public static CommitOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code tx.rollback} (90/30): synchronous, answered by {@link RollbackOk}.
   */
  public record Rollback()
      implements Method {
    /** The method index. */
    public static final int INDEX = 30;

    /** The only instance there needs to be. */
    public static final Rollback INSTANCE = new Rollback();

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
      return "tx.rollback";
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
      return reply instanceof RollbackOk;
    }

    @Override
    public int argumentsSize() {
      return 0;
    }

    @Override
    public void writeArguments(ByteBuf out) {
    }

    /** Reads the arguments of a {@code tx.rollback}. */
    public static Rollback read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code tx.rollback-ok} (90/31).
   */
  public record RollbackOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 31;

    /** The only instance there needs to be. */
    public static final RollbackOk INSTANCE = new RollbackOk();

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
      return "tx.rollback-ok";
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

    /** Reads the arguments of a {@code tx.rollback-ok}. */
    public static RollbackOk read(ByteBuf in) {
      return INSTANCE;
    }
  }
}
