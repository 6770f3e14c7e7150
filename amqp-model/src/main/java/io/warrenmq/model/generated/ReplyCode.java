// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import java.util.Optional;

/** The AMQP reply codes, and whether each closes a channel or the connection. */
public enum ReplyCode {
  /** 200, a success. */
  REPLY_SUCCESS(200, false),
  /** 311, a channel error. */
  CONTENT_TOO_LARGE(311, false),
  /** 312, a channel error. */
  NO_ROUTE(312, false),
  /** 313, a channel error. */
  NO_CONSUMERS(313, false),
  /** 320, a connection error. */
  CONNECTION_FORCED(320, true),
  /** 402, a connection error. */
  INVALID_PATH(402, true),
  /** 403, a channel error. */
  ACCESS_REFUSED(403, false),
  /** 404, a channel error. */
  NOT_FOUND(404, false),
  /** 405, a channel error. */
  RESOURCE_LOCKED(405, false),
  /** 406, a channel error. */
  PRECONDITION_FAILED(406, false),
  /** 501, a connection error. */
  FRAME_ERROR(501, true),
  /** 502, a connection error. */
  SYNTAX_ERROR(502, true),
  /** 503, a connection error. */
  COMMAND_INVALID(503, true),
  /** 504, a connection error. */
  CHANNEL_ERROR(504, true),
  /** 505, a connection error. */
  UNEXPECTED_FRAME(505, true),
  /** 506, a connection error. */
  RESOURCE_ERROR(506, true),
  /** 530, a connection error. */
  NOT_ALLOWED(530, true),
  /** 540, a connection error. */
  NOT_IMPLEMENTED(540, true),
  /** 541, a connection error. */
  INTERNAL_ERROR(541, true);

  private final int code;
  private final boolean hardError;

  ReplyCode(int code, boolean hardError) {
    this.code = code;
    this.hardError = hardError;
  }

  /** The numeric code sent on the wire. */
  public int code() {
    return code;
  }

  /** True when an error with this code closes the whole connection (a "hard" error). */
  public boolean isHardError() {
    return hardError;
  }

  /** The reply code with this number, if it is one of the codes AMQP defines. */
  public static Optional<ReplyCode> forCode(int code) {
    return switch (code) {
      case 200 -> Optional.of(REPLY_SUCCESS);
      case 311 -> Optional.of(CONTENT_TOO_LARGE);
      case 312 -> Optional.of(NO_ROUTE);
      case 313 -> Optional.of(NO_CONSUMERS);
      case 320 -> Optional.of(CONNECTION_FORCED);
      case 402 -> Optional.of(INVALID_PATH);
      case 403 -> Optional.of(ACCESS_REFUSED);
      case 404 -> Optional.of(NOT_FOUND);
      case 405 -> Optional.of(RESOURCE_LOCKED);
      case 406 -> Optional.of(PRECONDITION_FAILED);
      case 501 -> Optional.of(FRAME_ERROR);
      case 502 -> Optional.of(SYNTAX_ERROR);
      case 503 -> Optional.of(COMMAND_INVALID);
      case 504 -> Optional.of(CHANNEL_ERROR);
      case 505 -> Optional.of(UNEXPECTED_FRAME);
      case 506 -> Optional.of(RESOURCE_ERROR);
      case 530 -> Optional.of(NOT_ALLOWED);
      case 540 -> Optional.of(NOT_IMPLEMENTED);
      case 541 -> Optional.of(INTERNAL_ERROR);
      default -> Optional.empty();
    };
  }
}
