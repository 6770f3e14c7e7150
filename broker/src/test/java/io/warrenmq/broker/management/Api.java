package io.warrenmq.broker.management;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A test's view of one broker's management API over {@link HttpClient}. */
final class Api {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final int port;
  private final String credentials;

  Api(int port, String credentials) {
    this.port = port;
    this.credentials = credentials;
  }

  /** The same API as another user. */
  Api as(String otherCredentials) {
    return new Api(port, otherCredentials);
  }

  /** A status and a parsed JSON body (null for none). */
  record Reply(int status, Object json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      return (List<Map<String, Object>>) json;
    }
  }

  Reply call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    Object json = text.isEmpty() ? null : JsonReader.parseObject("{\"v\":" + text + "}").get("v");
    return new Reply(response.statusCode(), json);
  }

  Reply get(String path) throws Exception {
    return call("GET", path, null);
  }

  Reply put(String path, String body) throws Exception {
    return call("PUT", path, body);
  }

  Reply post(String path, String body) throws Exception {
    return call("POST", path, body);
  }

  Reply delete(String path) throws Exception {
    return call("DELETE", path, null);
  }

  /** A path segment, percent-encoded as RabbitMQ's clients do ("/" is "%2F"). */
  static String enc(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
