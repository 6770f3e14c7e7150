// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.Method;
import io.warrenmq.model.codec.Wire;
import io.warrenmq.model.codec.FieldTables;
import io.warrenmq.model.LongString;
import java.util.Map;
import java.util.Objects;

/** The methods of AMQP class {@code connection} (10). */
public final class Connection {
  /** The class index. */
  public static final int CLASS_INDEX = 10;

  private Connection() {}

  /**
   * {@code connection.start} (10/10): synchronous, answered by {@link StartOk}.
   *
   * @param versionMajor version-major (octet)
   * @param versionMinor version-minor (octet)
   * @param serverProperties server-properties (table)
   * @param mechanisms mechanisms (longstr)
   * @param locales locales (longstr)
   */
  public record Start(
      int versionMajor,
      int versionMinor,
      Map<String, Object> serverProperties,
      LongString mechanisms,
      LongString locales)
      implements Method {
    /** The method index. */
    public static final int INDEX = 10;

    /** Checks ranges and nulls; freezes tables. */
    public Start {
      Wire.checkOctet(versionMajor, "version-major");
      Wire.checkOctet(versionMinor, "version-minor");
      serverProperties = FieldTables.immutable(serverProperties);
      Objects.requireNonNull(mechanisms, "mechanisms");
      Objects.requireNonNull(locales, "locales");
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
      return "connection.start";
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
      return reply instanceof StartOk;
    }

    @Override
    public int argumentsSize() {
      return 2
          + FieldTables.tableSize(serverProperties)
          + Wire.longStringSize(mechanisms)
          + Wire.longStringSize(locales);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeOctet(out, versionMajor);
      Wire.writeOctet(out, versionMinor);
      FieldTables.writeTable(out, serverProperties);
      Wire.writeLongString(out, mechanisms);
      Wire.writeLongString(out, locales);
    }

    /** Reads the arguments of a {@code connection.start}. */
    public static Start read(ByteBuf in) {
      int versionMajor = Wire.readOctet(in);
      int versionMinor = Wire.readOctet(in);
      Map<String, Object> serverProperties = FieldTables.readTable(in);
      LongString mechanisms = Wire.readLongString(in);
      LongString locales = Wire.readLongString(in);
      return new Start(versionMajor, versionMinor, serverProperties, mechanisms, locales);
    }
  }

  /**
   * {@code connection.start-ok} (10/11).
   *
   * @param clientProperties client-properties (table)
   * @param mechanism mechanism (shortstr)
   * @param response response (longstr)
   * @param locale locale (shortstr)
   */
  public record StartOk(
      Map<String, Object> clientProperties,
      String mechanism,
      LongString response,
      String locale)
      implements Method {
    /** The method index. */
    public static final int INDEX = 11;

    /** Checks ranges and nulls; freezes tables. */
    public StartOk {
      clientProperties = FieldTables.immutable(clientProperties);
      Objects.requireNonNull(mechanism, "mechanism");
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(locale, "locale");
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
      return "connection.start-ok";
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
      return FieldTables.tableSize(clientProperties)
          + Wire.shortStringSize(mechanism)
          + Wire.longStringSize(response)
          + Wire.shortStringSize(locale);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      FieldTables.writeTable(out, clientProperties);
      Wire.writeShortString(out, mechanism);
      Wire.writeLongString(out, response);
      Wire.writeShortString(out, locale);
    }

    /** Reads the arguments of a {@code connection.start-ok}. */
    public static StartOk read(ByteBuf in) {
      Map<String, Object> clientProperties = FieldTables.readTable(in);
      String mechanism = Wire.readShortString(in);
      LongString response = Wire.readLongString(in);
      String locale = Wire.readShortString(in);
      return new StartOk(clientProperties, mechanism, response, locale);
    }
  }

  /**
   * {@code connection.secure} (10/20): synchronous, answered by {@link SecureOk}.
   *
   * @param challenge challenge (longstr)
   */
  public record Secure(
      LongString challenge)
      implements Method {
    /** The method index. */
    public static final int INDEX = 20;

    /** Checks ranges and nulls; freezes tables. */
    public Secure {
      Objects.requireNonNull(challenge, "challenge");
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
      return "connection.secure";
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
      return reply instanceof SecureOk;
    }

    @Override
    public int argumentsSize() {
      return Wire.longStringSize(challenge);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLongString(out, challenge);
    }

    /** Reads the arguments of a {@code connection.secure}. */
    public static Secure read(ByteBuf in) {
      LongString challenge = Wire.readLongString(in);
      return new Secure(challenge);
    }
  }

  /**
   * {@code connection.secure-ok} (10/21).
   *
   * @param response response (longstr)
   */
  public record SecureOk(
      LongString response)
      implements Method {
    /** The method index. */
    public static final int INDEX = 21;

    /** Checks ranges and nulls; freezes tables. */
    public SecureOk {
      Objects.requireNonNull(response, "response");
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
      return "connection.secure-ok";
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
      return Wire.longStringSize(response);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLongString(out, response);
    }

    /** Reads the arguments of a {@code connection.secure-ok}. */
    public static SecureOk read(ByteBuf in) {
      LongString response = Wire.readLongString(in);
      return new SecureOk(response);
    }
  }

  /**
   * {@code connection.tune} (10/30): synchronous, answered by {@link TuneOk}.
   *
   * @param channelMax channel-max (short)
   * @param frameMax frame-max (long)
   * @param heartbeat heartbeat (short)
   */
  public record Tune(
      int channelMax,
      long frameMax,
      int heartbeat)
      implements Method {
    /** The method index. */
    public static final int INDEX = 30;

    /** Checks ranges and nulls; freezes tables. */
    public Tune {
      Wire.checkShort(channelMax, "channel-max");
      Wire.checkLong(frameMax, "frame-max");
      Wire.checkShort(heartbeat, "heartbeat");
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
      return "connection.tune";
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
      return reply instanceof TuneOk;
    }

    @Override
    public int argumentsSize() {
      return 8;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, channelMax);
      Wire.writeLong(out, frameMax);
      Wire.writeShort(out, heartbeat);
    }

    /** Reads the arguments of a {@code connection.tune}. */
    public static Tune read(ByteBuf in) {
      int channelMax = Wire.readShort(in);
      long frameMax = Wire.readLong(in);
      int heartbeat = Wire.readShort(in);
      return new Tune(channelMax, frameMax, heartbeat);
    }
  }

  /**
   * {@code connection.tune-ok} (10/31).
   *
   * @param channelMax channel-max (short)
   * @param frameMax frame-max (long)
   * @param heartbeat heartbeat (short)
   */
  public record TuneOk(
      int channelMax,
      long frameMax,
      int heartbeat)
      implements Method {
    /** The method index. */
    public static final int INDEX = 31;

    /** Checks ranges and nulls; freezes tables. */
    public TuneOk {
      Wire.checkShort(channelMax, "channel-max");
      Wire.checkLong(frameMax, "frame-max");
      Wire.checkShort(heartbeat, "heartbeat");
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
      return "connection.tune-ok";
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
      return 8;
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShort(out, channelMax);
      Wire.writeLong(out, frameMax);
      Wire.writeShort(out, heartbeat);
    }

    /** Reads the arguments of a {@code connection.tune-ok}. */
    public static TuneOk read(ByteBuf in) {
      int channelMax = Wire.readShort(in);
      long frameMax = Wire.readLong(in);
      int heartbeat = Wire.readShort(in);
      return new TuneOk(channelMax, frameMax, heartbeat);
    }
  }

  /**
   * {@code connection.open} (10/40): synchronous, answered by {@link OpenOk}.
   *
   * @param virtualHost virtual-host (shortstr)
   */
  public record Open(
      String virtualHost)
      implements Method {
    /** The method index. */
    public static final int INDEX = 40;

    /** Checks ranges and nulls; freezes tables. */
    public Open {
      Objects.requireNonNull(virtualHost, "virtual-host");
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
      return "connection.open";
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
      return 2
          + Wire.shortStringSize(virtualHost);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, virtualHost);
      Wire.writeOctet(out, 0);
      Wire.writeOctet(out, 0);
    }

    /** Reads the arguments of a {@code connection.open}. */
    public static Open read(ByteBuf in) {
      String virtualHost = Wire.readShortString(in);
      Wire.skipShortString(in);
      int bits0 = Wire.readOctet(in);
      return new Open(virtualHost);
    }
  }

  /**
   * {@code connection.open-ok} (10/41).
   */
  public record OpenOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 41;

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
      return "connection.open-ok";
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

    /** Reads the arguments of a {@code connection.open-ok}. */
    public static OpenOk read(ByteBuf in) {
      Wire.skipShortString(in);
      return INSTANCE;
    }
  }

  /**
   * {@code connection.close} (10/50): synchronous, answered by {@link CloseOk}.
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
    public static final int INDEX = 50;

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
      return "connection.close";
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

    /** Reads the arguments of a {@code connection.close}. */
    public static Close read(ByteBuf in) {
      int replyCode = Wire.readShort(in);
      String replyText = Wire.readShortString(in);
      int classId = Wire.readShort(in);
      int methodId = Wire.readShort(in);
      return new Close(replyCode, replyText, classId, methodId);
    }
  }

  /**
   * {@code connection.close-ok} (10/51).
   */
  public record CloseOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 51;

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
      return "connection.close-ok";
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

    /** Reads the arguments of a {@code connection.close-ok}. */
    public static CloseOk read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code connection.blocked} (10/60).
   *
   * @param reason reason (shortstr)
   */
  public record Blocked(
      String reason)
      implements Method {
    /** The method index. */
    public static final int INDEX = 60;

    /** Checks ranges and nulls; freezes tables. */
    public Blocked {
      Objects.requireNonNull(reason, "reason");
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
      return "connection.blocked";
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
      return Wire.shortStringSize(reason);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeShortString(out, reason);
    }

    /** Reads the arguments of a {@code connection.blocked}. */
    public static Blocked read(ByteBuf in) {
      String reason = Wire.readShortString(in);
      return new Blocked(reason);
    }
  }

  /**
   * {@code connection.unblocked} (10/61).
   */
  public record Unblocked()
      implements Method {
    /** The method index. */
    public static final int INDEX = 61;

    /** The only instance there needs to be. */
    public static final Unblocked INSTANCE = new Unblocked();

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
      return "connection.unblocked";
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

    /** Reads the arguments of a {@code connection.unblocked}. */
    public static Unblocked read(ByteBuf in) {
      return INSTANCE;
    }
  }

  /**
   * {@code connection.update-secret} (10/70): synchronous, answered by {@link UpdateSecretOk}.
   *
   * @param newSecret new-secret (longstr)
   * @param reason reason (shortstr)
   */
  public record UpdateSecret(
      LongString newSecret,
      String reason)
      implements Method {
    /** The method index. */
    public static final int INDEX = 70;

    /** Checks ranges and nulls; freezes tables. */
    public UpdateSecret {
      Objects.requireNonNull(newSecret, "new-secret");
      Objects.requireNonNull(reason, "reason");
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
      return "connection.update-secret";
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
      return reply instanceof UpdateSecretOk;
    }

    @Override
    public int argumentsSize() {
      return Wire.longStringSize(newSecret)
          + Wire.shortStringSize(reason);
    }

    @Override
    public void writeArguments(ByteBuf out) {
      Wire.writeLongString(out, newSecret);
      Wire.writeShortString(out, reason);
    }

    /** Reads the arguments of a {@code connection.update-secret}. */
    public static UpdateSecret read(ByteBuf in) {
      LongString newSecret = Wire.readLongString(in);
      String reason = Wire.readShortString(in);
      return new UpdateSecret(newSecret, reason);
    }
  }

  /**
   * {@code connection.update-secret-ok} (10/71).
   */
  public record UpdateSecretOk()
      implements Method {
    /** The method index. */
    public static final int INDEX = 71;

    /** The only instance there needs to be. */
    public static final UpdateSecretOk INSTANCE = new UpdateSecretOk();

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
      return "connection.update-secret-ok";
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

    /** Reads the arguments of a {@code connection.update-secret-ok}. */
    public static UpdateSecretOk read(ByteBuf in) {
      return INSTANCE;
    }
  }
}
