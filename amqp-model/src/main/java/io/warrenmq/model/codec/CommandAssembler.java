package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Command;
import io.warrenmq.model.ContentBodyFrame;
import io.warrenmq.model.ContentHeaderFrame;
import io.warrenmq.model.Frame;
import io.warrenmq.model.HeartbeatFrame;
import io.warrenmq.model.Method;
import io.warrenmq.model.MethodFrame;
import io.warrenmq.model.generated.BasicProperties;

/**
 * Builds {@link Command}s from the frames of one channel: a method, then for content-bearing
 * methods a content header and as many body frames as the header's size announces (spec 4.2.6).
 *
 * <p>A body that arrives in one frame stays that frame's slice of the inbound buffer; a body split
 * over several frames becomes a composite of their slices; either way nothing is copied. Frames out
 * of order raise 505 UNEXPECTED_FRAME; a body larger than announced raises 501 FRAME_ERROR; an
 * announced size over the limit raises 406 PRECONDITION_FAILED, as RabbitMQ does for its
 * max_message_size. Confined to the thread that reads the channel's frames.
 */
public final class CommandAssembler {
  private final int channel;
  private final long maxBodySize;

  private Method method;
  private BasicProperties properties;
  private long remaining;
  private ByteBuf body;

  /**
   * Creates an assembler.
   *
   * @param channel the channel whose frames it assembles
   * @param maxBodySize the largest body accepted
   */
  public CommandAssembler(int channel, long maxBodySize) {
    this.channel = channel;
    this.maxBodySize = maxBodySize;
  }

  /**
   * Takes one frame of this channel. Returns the finished command, or null while content is still
   * expected. Takes ownership of body frames; the caller owns (and releases) the returned command.
   */
  public Command accept(Frame frame) {
    try {
      if (frame instanceof MethodFrame methodFrame) {
        return acceptMethod(methodFrame.method());
      } else if (frame instanceof ContentHeaderFrame header) {
        return acceptHeader(header);
      } else if (frame instanceof ContentBodyFrame bodyFrame) {
        return acceptBody(bodyFrame);
      } else if (frame instanceof HeartbeatFrame) {
        throw AmqpException.unexpectedFrame("heartbeat frame on channel " + channel);
      }
      throw new IllegalArgumentException("unknown frame " + frame);
    } catch (AmqpException e) {
      Method pending = method;
      reset();
      throw pending == null ? e : e.forMethod(pending.classIndex(), pending.methodIndex());
    }
  }

  /** True while a content-bearing method waits for its header or body. */
  public boolean isAssembling() {
    return method != null;
  }

  /** Drops a partly assembled command and releases its body; for a channel that closes. */
  public void reset() {
    method = null;
    properties = null;
    remaining = 0;
    if (body != null) {
      body.release();
      body = null;
    }
  }

  private Command acceptMethod(Method next) {
    if (method != null) {
      throw AmqpException.unexpectedFrame(
          "expected content "
              + (properties == null ? "header" : "body")
              + " for "
              + method.methodName()
              + ", got method frame "
              + next.methodName());
    }
    if (!next.hasContent()) {
      return Command.of(channel, next);
    }
    method = next;
    return null;
  }

  private Command acceptHeader(ContentHeaderFrame header) {
    if (method == null || properties != null) {
      throw AmqpException.unexpectedFrame("unexpected content header frame on channel " + channel);
    }
    if (header.classId() != method.classIndex()) {
      throw AmqpException.unexpectedFrame(
          "content header for class " + header.classId() + " follows " + method.methodName());
    }
    if (header.bodySize() > maxBodySize) {
      throw AmqpException.preconditionFailed(
          "message size "
              + header.bodySize()
              + " is larger than configured max size "
              + maxBodySize);
    }
    properties = header.properties();
    remaining = header.bodySize();
    return remaining == 0 ? complete(Unpooled.EMPTY_BUFFER) : null;
  }

  private Command acceptBody(ContentBodyFrame frame) {
    ByteBuf content = frame.content();
    try {
      if (properties == null) {
        throw AmqpException.unexpectedFrame("unexpected content body frame on channel " + channel);
      }
      int length = content.readableBytes();
      if (length > remaining) {
        throw AmqpException.frameError(
            "content body frame of " + length + " bytes exceeds the " + remaining + " expected");
      }
      remaining -= length;
      if (body == null) {
        body = content.retain();
      } else {
        CompositeByteBuf composite;
        if (body instanceof CompositeByteBuf existing) {
          composite = existing;
        } else {
          composite = content.alloc().compositeBuffer(Integer.MAX_VALUE);
          composite.addComponent(true, body);
          body = composite;
        }
        composite.addComponent(true, content.retain());
      }
    } finally {
      frame.release();
    }
    if (remaining > 0) {
      return null;
    }
    ByteBuf complete = body;
    body = null;
    return complete(complete);
  }

  private Command complete(ByteBuf completeBody) {
    Command command = Command.withContent(channel, method, properties, completeBody);
    method = null;
    properties = null;
    return command;
  }
}
