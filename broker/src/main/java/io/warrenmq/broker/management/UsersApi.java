package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.access.PasswordHash;
import io.warrenmq.broker.access.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/users[/name]}: list, create or update (PUT, {@code password} and {@code tags}),
 * delete. Administrators only, as in RabbitMQ. Runs on the HTTP event loop (the changes are short
 * and never wait).
 */
final class UsersApi {
  private final Broker broker;

  UsersApi(Broker broker) {
    this.broker = broker;
  }

  ApiResponse handle(ApiRequest request) {
    request.caller().requireAdministrator();
    List<String> path = request.path();
    if (path.size() == 1 && request.isGet()) {
      List<Object> out = new ArrayList<>();
      for (User user : broker.users()) {
        out.add(describe(user));
      }
      return ApiResponse.ok(out);
    }
    if (path.size() != 2) {
      throw ApiException.notFound();
    }
    String name = path.get(1);
    User existing = broker.access().snapshot().users().get(name);
    return switch (request.method().name()) {
      case "GET" -> {
        if (existing == null) {
          throw ApiException.notFound();
        }
        yield ApiResponse.ok(describe(existing));
      }
      case "PUT" -> put(name, existing, request.json());
      case "DELETE" -> {
        if (existing == null) {
          throw ApiException.notFound();
        }
        broker.deleteUser(name);
        yield ApiResponse.noContent();
      }
      default -> throw ApiException.methodNotAllowed();
    };
  }

  /** Creates the user (a password is required) or changes its password and tags. */
  private ApiResponse put(String name, User existing, Map<String, Object> body) {
    Object password = body.get("password");
    if (password != null && !(password instanceof String)) {
      throw ApiException.badRequest("password must be a string");
    }
    Set<String> tags = tags(body.get("tags"));
    if (existing == null) {
      if (password == null) {
        throw ApiException.badRequest("[{key_missing,password}]");
      }
      broker.access().addUser(name, (String) password, tags);
      return ApiResponse.createdOrChanged(true);
    }
    if (password != null) {
      broker.changePassword(name, (String) password);
    }
    broker.access().setUserTags(name, tags);
    return ApiResponse.createdOrChanged(false);
  }

  /** Tags as RabbitMQ takes them: "a,b" or ["a","b"]; missing means none. */
  static Set<String> tags(Object value) {
    Set<String> tags = new LinkedHashSet<>();
    if (value instanceof String text) {
      for (String tag : text.split(",")) {
        if (!tag.isBlank()) {
          tags.add(tag.trim());
        }
      }
    } else if (value instanceof Collection<?> items) {
      for (Object item : items) {
        tags.add(String.valueOf(item));
      }
    } else if (value != null) {
      throw ApiException.badRequest("tags must be a string or a list");
    }
    return tags;
  }

  private static Map<String, Object> describe(User user) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", user.name());
    out.put("password_hash", user.passwordHash());
    out.put("hashing_algorithm", PasswordHash.ALGORITHM);
    out.put("tags", List.copyOf(new java.util.TreeSet<>(user.tags())));
    out.put("limits", Map.of());
    return out;
  }
}
