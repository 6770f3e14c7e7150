package io.warrenmq.broker.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.warrenmq.broker.connection.HeaderAccepted;
import io.warrenmq.model.ProtocolHeader;
import io.warrenmq.model.codec.FrameDecoder;
import java.util.List;

/**
 * Reads the 8-byte protocol header. On {@code AMQP 0 0 9 1} it replaces itself with the frame
 * decoder (bytes already read pass on to it) and tells the connection; on anything else it answers
 * as RabbitMQ does (spec 4.2.2): the header it supports, then close.
 *
 * <p>Confined to the socket's event loop.
 */
final class ProtocolHeaderHandler extends ByteToMessageDecoder {
  /** Before connection.tune-ok, frames are capped (RabbitMQ: 8192 bytes). */
  static final int PRE_TUNE_FRAME_MAX = 8192;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < ProtocolHeader.LENGTH) {
      return;
    }
    if (!ProtocolHeader.matches(in, in.readerIndex())) {
      in.skipBytes(in.readableBytes());
      ctx.writeAndFlush(Unpooled.wrappedBuffer(ProtocolHeader.bytes()))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    in.skipBytes(ProtocolHeader.LENGTH);
    ctx.pipeline().addAfter(ctx.name(), "frameDecoder", new FrameDecoder(PRE_TUNE_FRAME_MAX));
    ctx.fireUserEventTriggered(HeaderAccepted.INSTANCE);
    ctx.pipeline().remove(this);
  }
}
