package io.warrenmq.broker.management;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The management web UI's static files, served from the classpath folder {@code management-ui/} for
 * every path outside {@code /api}: {@code /} is {@code index.html}, anything else must name an
 * existing file. Thread-safe; one instance is shared by all HTTP connections.
 *
 * <p>Each file is read once from the broker's own jar on first request and kept (they are a few
 * kilobytes, like classes the loop loads anyway). Only names made of letters, digits, '-', '_' and
 * single dots inside segments are looked up, so no path can climb out of the folder.
 */
final class WebUi {
  static final WebUi INSTANCE = new WebUi();

  private static final String ROOT = "management-ui/";
  private static final Pattern SAFE_PATH =
      Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*(/[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "json", "application/json");

  /**
   * The page may load scripts, styles and images from this origin only: no inline script can run
   * even if a value ever slipped past the UI's escaping, and no other site may frame the page.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private record Asset(byte[] bytes, String contentType, String etag) {}

  private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

  private WebUi() {}

  /** Whether the request is for the UI rather than the API. */
  static boolean serves(HttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).rawPath();
    return !path.equals("/api") && !path.startsWith("/api/");
  }

  /** The response for a UI request: the file, 304 when the browser's copy is current, 404, 405. */
  FullHttpResponse respond(HttpRequest request) {
    boolean head = request.method().equals(HttpMethod.HEAD);
    if (!head && !request.method().equals(HttpMethod.GET)) {
      FullHttpResponse refused = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method Not Allowed");
      refused.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      return refused;
    }
    String path = new QueryStringDecoder(request.uri()).rawPath();
    String name = path.equals("/") ? "index.html" : path.substring(1);
    Asset asset = SAFE_PATH.matcher(name).matches() ? find(name) : null;
    if (asset == null) {
      return text(HttpResponseStatus.NOT_FOUND, "Not Found");
    }
    boolean current = asset.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            current ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK,
            current || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(asset.bytes()));
    HttpHeaders headers = response.headers();
    headers.set(HttpHeaderNames.ETAG, asset.etag());
    // File names carry no version, so browsers revalidate each time (a cheap 304) and see a
    // new broker's UI at once.
    headers.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    if (!current) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, asset.contentType());
      headers.set(HttpHeaderNames.CONTENT_LENGTH, asset.bytes().length);
    }
    securityHeaders(headers);
    return response;
  }

  /** Writes a response built by {@link #respond}, keeping the connection open if asked. */
  static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private Asset find(String name) {
    return assets.computeIfAbsent(name, WebUi::load).orElse(null);
  }

  private static Optional<Asset> load(String name) {
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      return Optional.of(new Asset(bytes, type, etag(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read UI file " + name, e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static FullHttpResponse text(HttpResponseStatus status, String body) {
    ByteBuf content = Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    securityHeaders(response.headers());
    return response;
  }

  private static void securityHeaders(HttpHeaders headers) {
    headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
  }
}
