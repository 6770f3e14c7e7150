package io.warrenmq.broker.cli;

import io.warrenmq.broker.management.JsonReader;
import io.warrenmq.broker.management.JsonWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * warrenctl's connection to a broker: the management HTTP API with basic auth. A broker that does
 * not answer is a {@link CliException} with code 69, as rabbitmqctl's unreachable node.
 */
final class ManagementClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  /** A status and the parsed body (null for none). */
  record Reply(int status, Object json) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return json instanceof Map<?, ?> ? (Map<String, Object>) json : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      return json instanceof List<?> ? (List<Map<String, Object>>) json : List.of();
    }

    /** The API's {@code reason}, or the status. */
    String reason() {
      Object reason = object().get("reason");
      return reason != null ? reason.toString() : "HTTP status " + status;
    }
  }

  ManagementClient(String host, int port, String user, String password) {
    this.base = "http://" + host + ":" + port;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code segments} percent-encoded as one path under {@code /api}. */
  static String path(String... segments) {
    StringBuilder out = new StringBuilder("/api");
    for (String segment : segments) {
      out.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply put(String path, Object body) {
    return send("PUT", path, JsonWriter.write(body));
  }

  Reply post(String path, String json) {
    return send("POST", path, json);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** GET that must succeed; anything else is an error with the API's reason. */
  Reply require(String path) {
    Reply reply = get(path);
    if (!reply.ok()) {
      throw failure(reply);
    }
    return reply;
  }

  /** 401 means bad credentials: rabbitmqctl's "not authorised" is a data error. */
  static CliException failure(Reply reply) {
    if (reply.status() == 401) {
      return new CliException(CliException.SOFTWARE, "Not authorised: " + reply.reason());
    }
    return new CliException(CliException.SOFTWARE, reply.reason());
  }

  private Reply send(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw unreachable();
    } catch (IOException e) {
      throw unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(CliException.SOFTWARE, "interrupted");
    }
    String text = response.body();
    Object json = null;
    if (!text.isBlank()) {
      try {
        json = JsonReader.parse(text);
      } catch (RuntimeException e) {
        throw new CliException(CliException.SOFTWARE, "unexpected answer from " + base + path);
      }
    }
    return new Reply(response.statusCode(), json);
  }

  private CliException unreachable() {
    return new CliException(
        CliException.UNAVAILABLE,
        "unable to perform an operation on the broker at "
            + base
            + ". Is it running, and is its management port right (--port, WARRENCTL_PORT)?");
  }
}
