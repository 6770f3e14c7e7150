package io.warrenmq.broker.management;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;

/**
 * One API request, parsed on the HTTP channel's event loop.
 *
 * @param method the HTTP method
 * @param path the percent-decoded path segments after {@code /api}
 * @param query the query parameters
 * @param body the request body as text
 * @param caller the authenticated user
 */
record ApiRequest(
    HttpMethod method,
    List<String> path,
    Map<String, List<String>> query,
    String body,
    Caller caller) {

  boolean isGet() {
    return method.equals(HttpMethod.GET);
  }

  /** The body as a JSON object; 400 when it is not one. */
  Map<String, Object> json() {
    return JsonReader.parseObject(body);
  }

  /** A query flag such as {@code if-unused=true}. */
  boolean flag(String name) {
    List<String> values = query.get(name);
    return values != null && !values.isEmpty() && Boolean.parseBoolean(values.get(0));
  }

  /** A required string field of the body; 400 when missing or not a string. */
  static String stringField(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (!(value instanceof String text)) {
      throw ApiException.badRequest("[{key_missing," + field + "}]");
    }
    return text;
  }
}
