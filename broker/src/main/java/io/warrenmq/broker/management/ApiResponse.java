package io.warrenmq.broker.management;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * An API answer: a status and a JSON value (null for no body).
 *
 * @param status the HTTP status
 * @param json what {@link JsonWriter} writes as the body; null for none
 * @param afterWrite run once the response is written (e.g. a stop); null for nothing
 */
record ApiResponse(HttpResponseStatus status, Object json, Runnable afterWrite) {
  ApiResponse(HttpResponseStatus status, Object json) {
    this(status, json, null);
  }

  static ApiResponse ok(Object json) {
    return new ApiResponse(HttpResponseStatus.OK, json);
  }

  /** 201 when something was created, 204 when an existing one was changed (RabbitMQ's PUTs). */
  static ApiResponse createdOrChanged(boolean created) {
    return new ApiResponse(
        created ? HttpResponseStatus.CREATED : HttpResponseStatus.NO_CONTENT, null);
  }

  static ApiResponse noContent() {
    return new ApiResponse(HttpResponseStatus.NO_CONTENT, null);
  }
}
