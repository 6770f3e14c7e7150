package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.access.AccessSnapshot;
import io.warrenmq.broker.access.Permissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/permissions[/vhost/user]}: list, set (PUT, {@code configure}, {@code write}, {@code
 * read}), clear. Administrators only, as in RabbitMQ. Runs on the HTTP event loop.
 */
final class PermissionsApi {
  private final Broker broker;

  PermissionsApi(Broker broker) {
    this.broker = broker;
  }

  ApiResponse handle(ApiRequest request) {
    request.caller().requireAdministrator();
    List<String> path = request.path();
    if (path.size() == 1 && request.isGet()) {
      List<Object> out = new ArrayList<>();
      broker
          .access()
          .snapshot()
          .permissions()
          .forEach(
              (vhost, byUser) -> byUser.forEach((user, p) -> out.add(describe(vhost, user, p))));
      return ApiResponse.ok(out);
    }
    if (path.size() != 3) {
      throw ApiException.notFound();
    }
    String vhost = path.get(1);
    String user = path.get(2);
    AccessSnapshot snapshot = broker.access().snapshot();
    if (!snapshot.vhosts().contains(vhost) || !snapshot.users().containsKey(user)) {
      throw ApiException.notFound();
    }
    Permissions existing = snapshot.permissions(user, vhost);
    return switch (request.method().name()) {
      case "GET" -> {
        if (existing == null) {
          throw ApiException.notFound();
        }
        yield ApiResponse.ok(describe(vhost, user, existing));
      }
      case "PUT" -> {
        Map<String, Object> body = request.json();
        Permissions permissions;
        try {
          permissions =
              Permissions.of(
                  ApiRequest.stringField(body, "configure"),
                  ApiRequest.stringField(body, "write"),
                  ApiRequest.stringField(body, "read"));
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest(e.getMessage());
        }
        broker.access().setPermissions(user, vhost, permissions);
        yield ApiResponse.createdOrChanged(existing == null);
      }
      case "DELETE" -> {
        if (existing == null) {
          throw ApiException.notFound();
        }
        broker.clearPermissions(vhost, user);
        yield ApiResponse.noContent();
      }
      default -> throw ApiException.methodNotAllowed();
    };
  }

  private static Map<String, Object> describe(String vhost, String user, Permissions p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user);
    out.put("vhost", vhost);
    out.put("configure", p.configure());
    out.put("write", p.write());
    out.put("read", p.read());
    return out;
  }
}
