package io.warrenmq.broker.management;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.warrenmq.broker.Broker;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.ReplyCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection of the management API: authenticates, routes, and writes each response.
 *
 * <p>Confinement: the connection's event loop. Handlers never block it: a response that waits on
 * queues is a future completed on their executors, and writing hops back here. Responses go out in
 * request order (pipelined requests included): each waits for the one before it.
 */
final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiHandler.class);

  private final Broker broker;
  private final ApiRouter router;
  private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

  HttpApiHandler(Broker broker, ApiRouter router) {
    this.broker = broker;
    this.router = router;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (WebUi.serves(request)) {
      FullHttpResponse page = WebUi.INSTANCE.respond(request);
      previous = previous.thenRunAsync(() -> WebUi.write(ctx, page, keepAlive), ctx.executor());
      return;
    }
    // A browser answers a 401 with WWW-Authenticate by popping up its own login over the web UI's
    // form; the UI marks its calls as scripted, so they get the 401 without the challenge.
    boolean challenge = !"XMLHttpRequest".equals(request.headers().get("X-Requested-With"));
    CompletableFuture<ApiResponse> result;
    try {
      result = router.route(parse(request));
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    previous =
        previous
            .thenCombine(result.handle((response, error) -> answer(response, error)), (v, r) -> r)
            .thenAcceptAsync(response -> write(ctx, response, keepAlive, challenge), ctx.executor())
            .exceptionally(
                e -> {
                  // The event loop is shutting down; the connection goes with it.
                  LOG.debug("management response not written", e);
                  return null;
                });
  }

  private ApiRequest parse(FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String rawPath = uri.rawPath();
    if (!rawPath.equals("/api") && !rawPath.startsWith("/api/")) {
      throw ApiException.notFound();
    }
    Caller caller = BasicAuth.authenticate(request, broker.access());
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(4).split("/", -1)) {
      segments.add(decode(raw));
    }
    if (!segments.isEmpty() && segments.get(0).isEmpty()) {
      segments.remove(0);
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    String body = request.content().toString(StandardCharsets.UTF_8);
    return new ApiRequest(request.method(), segments, uri.parameters(), body, caller);
  }

  /** Percent-decoding of one path segment ("%2F" is "/"); a '+' in a path is a plus. */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad percent-encoding in '" + segment + "'");
    }
  }

  private static ApiResponse answer(ApiResponse response, Throwable error) {
    if (error == null) {
      return response;
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof ApiException api) {
      return new ApiResponse(api.status(), api.body());
    }
    if (cause instanceof AmqpException amqp) {
      // The vhost's checks speak AMQP: 404 stays 404, 403 is RabbitMQ's 401 not_authorised, the
      // rest are its 400 bad_request.
      ApiException api =
          amqp.replyCode() == ReplyCode.NOT_FOUND
              ? ApiException.notFound()
              : amqp.replyCode() == ReplyCode.ACCESS_REFUSED
                  ? ApiException.notAuthorised(amqp.replyText())
                  : ApiException.badRequest(amqp.replyText());
      return new ApiResponse(api.status(), api.body());
    }
    if (cause instanceof IllegalArgumentException) {
      return new ApiResponse(
          HttpResponseStatus.BAD_REQUEST, ApiException.badRequest(cause.getMessage()).body());
    }
    LOG.warn("management request failed", cause);
    return new ApiResponse(
        HttpResponseStatus.INTERNAL_SERVER_ERROR,
        new ApiException(
                HttpResponseStatus.INTERNAL_SERVER_ERROR,
                "internal_server_error",
                String.valueOf(cause.getMessage()))
            .body());
  }

  private static void write(
      ChannelHandlerContext ctx, ApiResponse response, boolean keepAlive, boolean challenge) {
    ByteBuf content =
        response.json() == null
            ? Unpooled.EMPTY_BUFFER
            : Unpooled.copiedBuffer(JsonWriter.write(response.json()), StandardCharsets.UTF_8);
    FullHttpResponse http =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(), content);
    if (response.json() != null) {
      http.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    }
    if (challenge && response.status().equals(HttpResponseStatus.UNAUTHORIZED)) {
      http.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"RabbitMQ Management\"");
    }
    HttpUtil.setContentLength(http, content.readableBytes());
    HttpUtil.setKeepAlive(http, keepAlive);
    if (response.afterWrite() != null) {
      ctx.writeAndFlush(http)
          .addListener(ChannelFutureListener.CLOSE)
          .addListener(written -> response.afterWrite().run());
    } else if (keepAlive) {
      ctx.writeAndFlush(http, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("management connection {} failed", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
