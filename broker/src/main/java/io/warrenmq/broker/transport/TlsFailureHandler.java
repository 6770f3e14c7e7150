package io.warrenmq.broker.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a TLS connection whose handshake failed (an untrusted or missing client certificate, a
 * protocol mismatch): logged once as a warning, the socket closed, and the connection handler never
 * asked to answer in AMQP over a broken TLS stream.
 *
 * <p>Confinement: the socket's event loop.
 */
final class TlsFailureHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(TlsFailureHandler.class);

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
      LOG.warn(
          "TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), reason(done.cause()));
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof SSLException
        || (cause instanceof DecoderException && cause.getCause() instanceof SSLException)) {
      // Already logged with the handshake event; after the handshake, a TLS error ends the stream.
      LOG.debug("TLS error on {}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
      return;
    }
    ctx.fireExceptionCaught(cause);
  }

  private static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
