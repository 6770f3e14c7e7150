package io.warrenmq.broker.management;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.warrenmq.broker.access.AccessControl;
import io.warrenmq.broker.access.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP basic authentication against the broker's users (their password hashes), then RabbitMQ's tag
 * check: only administrator, monitoring, management and policymaker users may use the API. What
 * each may change is decided per operation ({@link Caller#check}). Each failure is a 401.
 * Stateless.
 */
final class BasicAuth {
  private BasicAuth() {}

  static Caller authenticate(HttpRequest request, AccessControl access) {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw ApiException.notAuthorised("Login failed");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.notAuthorised("Login failed");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw ApiException.notAuthorised("Login failed");
    }
    User user = access.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    if (user == null) {
      throw ApiException.notAuthorised("Login failed");
    }
    Caller caller = new Caller(user, access);
    if (!caller.isManagementUser()) {
      throw ApiException.notAuthorised("Not management user");
    }
    return caller;
  }
}
