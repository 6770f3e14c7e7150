package io.warrenmq.model;

import io.netty.buffer.ByteBufUtil;
import io.warrenmq.model.codec.Wire;
import io.warrenmq.model.generated.ReplyCode;

/**
 * A protocol error, raised by any layer of broker or client and by the codecs: it carries the reply
 * code RabbitMQ would send and, where known, the class and method that caused it.
 *
 * <p>Whether it closes a channel or the whole connection follows from {@link
 * ReplyCode#isHardError()}. The message reads {@code CODE_NAME - detail}, the shape RabbitMQ gives
 * its reply texts.
 */
public final class AmqpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ReplyCode replyCode;
  private final String detail;
  private final int classId;
  private final int methodId;

  /**
   * Creates an error.
   *
   * @param replyCode the reply code to send
   * @param detail the human-readable part of the reply text
   * @param classId the class of the offending method, or 0
   * @param methodId the offending method, or 0
   */
  public AmqpException(ReplyCode replyCode, String detail, int classId, int methodId) {
    super(replyCode.name() + " - " + detail);
    this.replyCode = replyCode;
    this.detail = detail;
    this.classId = classId;
    this.methodId = methodId;
  }

  /** Creates an error not tied to a method. */
  public AmqpException(ReplyCode replyCode, String detail) {
    this(replyCode, detail, 0, 0);
  }

  /** The reply code to send. */
  public ReplyCode replyCode() {
    return replyCode;
  }

  /** The detail text, without the code name. */
  public String detail() {
    return detail;
  }

  /**
   * The reply text as it goes on the wire: {@code CODE_NAME - detail}, cut to the 255 UTF-8 bytes a
   * short string holds (never inside a character).
   */
  public String replyText() {
    String text = getMessage();
    if (text.length() * 3 <= Wire.SHORT_STRING_MAX
        || ByteBufUtil.utf8Bytes(text) <= Wire.SHORT_STRING_MAX) {
      return text;
    }
    int end = 0;
    int bytes = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + size > Wire.SHORT_STRING_MAX) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }

  /** The class id of the method that caused the error, or 0. */
  public int classId() {
    return classId;
  }

  /** The method id of the method that caused the error, or 0. */
  public int methodId() {
    return methodId;
  }

  /** True when this error closes the connection rather than a single channel. */
  public boolean isHardError() {
    return replyCode.isHardError();
  }

  /** The same error, attributed to the given method unless it already names one. */
  public AmqpException forMethod(int classId, int methodId) {
    if (this.classId != 0 || this.methodId != 0) {
      return this;
    }
    return new AmqpException(replyCode, detail, classId, methodId);
  }

  /** 501: a frame that cannot be decoded. */
  public static AmqpException frameError(String detail) {
    return new AmqpException(ReplyCode.FRAME_ERROR, detail);
  }

  /** 502: a frame whose fields hold illegal values. */
  public static AmqpException syntaxError(String detail) {
    return new AmqpException(ReplyCode.SYNTAX_ERROR, detail);
  }

  /** 503: a method that is not valid in the current state. */
  public static AmqpException commandInvalid(String detail) {
    return new AmqpException(ReplyCode.COMMAND_INVALID, detail);
  }

  /** 504: a method on a channel that is not open. */
  public static AmqpException channelError(String detail) {
    return new AmqpException(ReplyCode.CHANNEL_ERROR, detail);
  }

  /** 505: a frame that was not expected at this point. */
  public static AmqpException unexpectedFrame(String detail) {
    return new AmqpException(ReplyCode.UNEXPECTED_FRAME, detail);
  }

  /** 540: a class or method this peer does not implement. */
  public static AmqpException notImplemented(String detail) {
    return new AmqpException(ReplyCode.NOT_IMPLEMENTED, detail);
  }

  /** 530: an operation the peer is not allowed to do (connection level). */
  public static AmqpException notAllowed(String detail) {
    return new AmqpException(ReplyCode.NOT_ALLOWED, detail);
  }

  /** 403: an operation the user has no permission for. */
  public static AmqpException accessRefused(String detail) {
    return new AmqpException(ReplyCode.ACCESS_REFUSED, detail);
  }

  /** 404: an entity that does not exist. */
  public static AmqpException notFound(String detail) {
    return new AmqpException(ReplyCode.NOT_FOUND, detail);
  }

  /** 405: an entity locked by another connection. */
  public static AmqpException resourceLocked(String detail) {
    return new AmqpException(ReplyCode.RESOURCE_LOCKED, detail);
  }

  /** 406: a request whose preconditions do not hold. */
  public static AmqpException preconditionFailed(String detail) {
    return new AmqpException(ReplyCode.PRECONDITION_FAILED, detail);
  }

  /** 506: the peer ran out of a resource. */
  public static AmqpException resourceError(String detail) {
    return new AmqpException(ReplyCode.RESOURCE_ERROR, detail);
  }

  /** 541: an internal error of the peer. */
  public static AmqpException internalError(String detail) {
    return new AmqpException(ReplyCode.INTERNAL_ERROR, detail);
  }
}
