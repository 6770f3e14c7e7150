// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

/** Protocol constants of AMQP 0-9-1. */
public final class AmqpConstants {
  private AmqpConstants() {}

  /** frame-method. */
  public static final int FRAME_METHOD = 1;

  /** frame-header. */
  public static final int FRAME_HEADER = 2;

  /** frame-body. */
  public static final int FRAME_BODY = 3;

  /** frame-heartbeat. */
  public static final int FRAME_HEARTBEAT = 8;

  /** frame-min-size. */
  public static final int FRAME_MIN_SIZE = 4096;

  /** frame-end. */
  public static final int FRAME_END = 206;

  /** port. */
  public static final int PORT = 5672;
}
