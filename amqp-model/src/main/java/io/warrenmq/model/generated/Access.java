// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;
import java.util.Objects;

/** The methods of AMQP class {@code access} (30). */
public final class Access {
  /** The class index. */
  public static final int CLASS_INDEX = 30;

  private Access() {}

  /**
   * {@code access.request} (30/10): synchronous, answered by {@link RequestOk}.
   *
   * @param realm realm (shortstr)
   * @param exclusive exclusive (bit)
   * @param passive passive (bit)
   * @param active active (bit)
   * @param write write (bit)
   * @param read read (bit)
   */
  public record Request(
      String realm,
      boolean exclusive,
      boolean passive,
      boolean active,
      boolean write,
      boolean read)
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** Checks ranges and nulls; freezes tables. */
    public Request {
      Objects.requireNonNull(realm, "realm");
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
      return "access.request";
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
      return reply instanceof RequestOk;
    }

    @Override
    public int argumentsSize() {
      return 1
          + Wire.shortStringSize(realm);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, realm);
      Wire.writeOctet(out, (exclusive ? 1 : 0) | (passive ? 2 : 0) | (active ? 4 : 0) | (write ? 8 : 0) | (read ? 16 : 0));
    }

    /** Reads the arguments of a {@code access.request}. */
    public static Request read(ByteBuf in) {
      String realm = Wire.readShortString(in);
      int bits0 = Wire.readOctet(in);
      boolean exclusive = (bits0 & 1) != 0;
      boolean passive = (bits0 & 2) != 0;
      boolean active = (bits0 & 4) != 0;
      boolean write = (bits0 & 8) != 0;
      boolean read = (bits0 & 16) != 0;
      return new Request(realm, exclusive, passive, active, write, read);
    }
  }

  /**
   * {@code access.request-ok} (30/11).
   *
   * @param ticket ticket (short)
   */
  public record RequestOk(
      int ticket)
      implements Method {
    /** The method index. */
    public static final int INDEX = 11;

    /** Checks ranges and nulls; freezes tables. */
    public RequestOk {
      Wire.checkShort(ticket, "ticket");
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
      return "access.request-ok";
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
      return 2;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, ticket);
    }

    /** Reads the arguments of a {@code access.request-ok}. */
    public static RequestOk read(ByteBuf in) {
      int ticket = Wire.readShort(in);
      return new RequestOk(ticket);
    }
  }
}
