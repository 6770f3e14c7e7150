package io.warrenmq.broker.management;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** A failed API request: the status and RabbitMQ's {@code {"error":..,"reason":..}} body. */
final class ApiException extends RuntimeException {
  private final HttpResponseStatus status;
  private final String error;

  ApiException(HttpResponseStatus status, String error, String reason) {
    super(reason, null, false, false);
    this.status = status;
    this.error = error;
  }

  static ApiException badRequest(String reason) {
    return new ApiException(HttpResponseStatus.BAD_REQUEST, "bad_request", reason);
  }

  /** 404 as RabbitMQ answers it for a missing vhost, user, permission or queue. */
  static ApiException notFound() {
    return new ApiException(HttpResponseStatus.NOT_FOUND, "Object Not Found", "Not Found");
  }

  static ApiException notAuthorised(String reason) {
    return new ApiException(HttpResponseStatus.UNAUTHORIZED, "not_authorised", reason);
  }

  static ApiException methodNotAllowed() {
    return new ApiException(
        HttpResponseStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", "Method Not Allowed");
  }

  HttpResponseStatus status() {
    return status;
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("reason", getMessage());
    return body;
  }
}
