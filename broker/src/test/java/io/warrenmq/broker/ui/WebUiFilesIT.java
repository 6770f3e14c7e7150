package io.warrenmq.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.EmbeddedBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web UI's files over plain HTTP, no browser needed: content types, revalidation, 404 for
 * unknown names and for every attempt to leave the UI folder, GET and HEAD only.
 */
@Timeout(30)
class WebUiFilesIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broker.managementPort() + path));
  }

  @Test
  void rootIsTheIndexPageWithoutLogin() throws Exception {
    HttpResponse<String> index = send(request("/"));
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(index.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    assertThat(index.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(index.body()).contains("<title>WarrenMQ Management</title>");
    assertThat(send(request("/index.html")).body()).isEqualTo(index.body());
  }

  @Test
  void assetsCarryTheirTypesAndRevalidateWithEtags() throws Exception {
    assertThat(send(request("/app.css")).headers().firstValue("content-type"))
        .hasValue("text/css; charset=utf-8");
    assertThat(send(request("/favicon.svg")).headers().firstValue("content-type"))
        .hasValue("image/svg+xml");
    HttpResponse<String> script = send(request("/js/app.js?v=1"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("content-type"))
        .hasValue("text/javascript; charset=utf-8");
    String etag = script.headers().firstValue("etag").orElseThrow();

    HttpResponse<String> again = send(request("/js/app.js").header("If-None-Match", etag));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<String> stale = send(request("/js/app.js").header("If-None-Match", "\"old\""));
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(script.body());
  }

  @Test
  void unknownFilesAndOtherMethodsAreRefused() throws Exception {
    assertThat(send(request("/nope.html")).statusCode()).isEqualTo(404);
    assertThat(send(request("/js/")).statusCode()).isEqualTo(404);
    assertThat(send(request("/js")).statusCode()).isEqualTo(404);
    HttpResponse<String> post = send(request("/").POST(HttpRequest.BodyPublishers.ofString("x")));
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    HttpResponse<String> head = send(request("/app.css").method("HEAD", noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    // The API keeps its own JSON answers.
    assertThat(send(request("/api/overview")).statusCode()).isEqualTo(401);
  }

  @Test
  void noPathLeavesTheUiFolder() throws Exception {
    // Raw request lines: HttpClient would normalise the dot segments away before sending.
    for (String path :
        new String[] {
          "/../management-ui/index.html",
          "/js/../../io/warrenmq/broker/Broker.class",
          "/%2e%2e/logback.xml",
          "/..%2Fapp.css",
          "/js/..%2f..%2fapp.css",
          "//etc/passwd",
          "/management-ui/index.html",
          "/io/warrenmq/broker/Broker.class",
          "/.hidden.js",
        }) {
      assertThat(rawStatus(path)).as(path).isEqualTo(404);
    }
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static int rawStatus(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", broker.managementPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
