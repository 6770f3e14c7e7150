package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.access.AccessSnapshot;
import io.warrenmq.broker.access.TopicPermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/topic-permissions[/vhost/user]}: list all, list one user's in one vhost, set one (PUT
 * {@code exchange}, {@code write}, {@code read}), clear all of that user's in the vhost (DELETE).
 * Administrators only, as in RabbitMQ. Runs on the HTTP event loop.
 */
final class TopicPermissionsApi {
  private final Broker broker;

  TopicPermissionsApi(Broker broker) {
    this.broker = broker;
  }

  ApiResponse handle(ApiRequest request) {
    request.caller().requireAdministrator();
    List<String> path = request.path();
    AccessSnapshot snapshot = broker.access().snapshot();
    if (path.size() == 1 && request.isGet()) {
      return ApiResponse.ok(list(snapshot, null, null));
    }
    if (path.size() != 3) {
      throw ApiException.notFound();
    }
    String vhost = path.get(1);
    String user = path.get(2);
    if (!snapshot.vhosts().contains(vhost) || !snapshot.users().containsKey(user)) {
      throw ApiException.notFound();
    }
    Map<String, TopicPermission> existing = snapshot.topicPermissions(user, vhost);
    return switch (request.method().name()) {
      case "GET" -> {
        if (existing.isEmpty()) {
          throw ApiException.notFound();
        }
        yield ApiResponse.ok(list(snapshot, vhost, user));
      }
      case "PUT" -> {
        Map<String, Object> body = request.json();
        TopicPermission permission;
        try {
          permission =
              TopicPermission.of(
                  ApiRequest.stringField(body, "exchange"),
                  ApiRequest.stringField(body, "write"),
                  ApiRequest.stringField(body, "read"));
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest(e.getMessage());
        }
        broker.access().setTopicPermission(user, vhost, permission);
        yield ApiResponse.createdOrChanged(!existing.containsKey(permission.exchange()));
      }
      case "DELETE" -> {
        if (existing.isEmpty()) {
          throw ApiException.notFound();
        }
        broker.access().clearTopicPermissions(user, vhost, null);
        yield ApiResponse.noContent();
      }
      default -> throw ApiException.methodNotAllowed();
    };
  }

  /** The topic permissions in {@code vhost} of {@code user} (null: every vhost or user). */
  static List<Object> list(AccessSnapshot snapshot, String vhost, String user) {
    List<Object> out = new ArrayList<>();
    snapshot
        .topicPermissions()
        .forEach(
            (v, byUser) ->
                byUser.forEach(
                    (u, byExchange) -> {
                      if ((vhost == null || vhost.equals(v)) && (user == null || user.equals(u))) {
                        byExchange.values().forEach(p -> out.add(describe(v, u, p)));
                      }
                    }));
    return out;
  }

  static Map<String, Object> describe(String vhost, String user, TopicPermission p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user);
    out.put("vhost", vhost);
    out.put("exchange", p.exchange());
    out.put("write", p.write());
    out.put("read", p.read());
    return out;
  }
}
