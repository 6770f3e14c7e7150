package io.warrenmq.broker.metrics;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.warrenmq.broker.Broker;
import io.warrenmq.broker.transport.HttpListeners;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ's Prometheus endpoint (port 15692): {@code GET /metrics} (and {@code
 * /metrics/per-object}, the same here) in the text exposition format, on an {@link HttpListeners}
 * event loop of its own; no authentication, as RabbitMQ's.
 */
public final class PrometheusServer {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusServer.class);

  private final MetricsCollector collector;
  private final HttpListeners listeners = new HttpListeners("warren-metrics");

  public PrometheusServer(Broker broker) {
    this.collector = new MetricsCollector(broker);
  }

  /** Binds; returns the bound address (the real port for port 0). */
  public InetSocketAddress start(String host, int port) throws InterruptedException {
    return listeners.bind(host, port, null, 64 * 1024, ScrapeHandler::new);
  }

  /** Closes the listener and every scrape connection. Idempotent. */
  public void stop() {
    listeners.close();
  }

  /** Confinement: the scrape connection's event loop; the scrape's answer hops back to it. */
  private final class ScrapeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      String path = request.uri().split("\\?", 2)[0];
      if (!path.equals("/metrics") && !path.equals("/metrics/per-object")) {
        respond(ctx, HttpResponseStatus.NOT_FOUND, "not found\n", keepAlive);
      } else if (!request.method().equals(HttpMethod.GET)) {
        respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only\n", keepAlive);
      } else {
        collector
            .scrape()
            .whenComplete(
                (text, error) ->
                    ctx.executor()
                        .execute(
                            () -> {
                              if (error != null) {
                                LOG.error("metrics scrape failed", error);
                                respond(
                                    ctx,
                                    HttpResponseStatus.INTERNAL_SERVER_ERROR,
                                    "scrape failed\n",
                                    keepAlive);
                              } else {
                                respond(ctx, HttpResponseStatus.OK, text, keepAlive);
                              }
                            }));
      }
    }

    private void respond(
        ChannelHandlerContext ctx, HttpResponseStatus status, String body, boolean keepAlive) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
      HttpUtil.setContentLength(response, response.content().readableBytes());
      HttpUtil.setKeepAlive(response, keepAlive);
      var written = ctx.writeAndFlush(response);
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
