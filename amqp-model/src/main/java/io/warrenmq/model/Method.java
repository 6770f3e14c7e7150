package io.warrenmq.model;

import io.netty.buffer.ByteBuf;

/**
 * One AMQP method with its arguments. Every implementation is an immutable record generated from
 * {@code amqp-model/spec/amqp-0-9-1.txt} into {@code io.warrenmq.model.generated}; broker and
 * client encode and decode only through these.
 */
public interface Method {

  /** The class index, e.g. 50 for queue. */
  int classIndex();

  /** The method index within its class, e.g. 10 for queue.declare. */
  int methodIndex();

  /** The spec name, e.g. {@code queue.declare}. */
  String methodName();

  /** True when the spec makes the sender wait for a reply (unless it sets nowait). */
  boolean isSynchronous();

  /** True when a content header and body follow this method. */
  boolean hasContent();

  /** True when the peer must answer this method: synchronous and, if it has one, nowait unset. */
  boolean expectsReply();

  /** True when {@code reply} is one of the methods that answer this request. */
  boolean isAnsweredBy(Method reply);

  /** The exact number of bytes {@link #writeArguments} writes. */
  int argumentsSize();

  /** Writes the arguments (not the class and method ids) in wire format. */
  void writeArguments(ByteBuf out);
}
