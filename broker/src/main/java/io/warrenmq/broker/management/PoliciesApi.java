package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.vhost.Policy;
import io.warrenmq.broker.vhost.PolicyDefinition;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/policies[/vhost[/name]]}: list, show, set (PUT {@code {"pattern":..,"definition":
 * {..},"priority":0,"apply-to":"all"}}) and clear, with RabbitMQ's JSON and its validation texts.
 * Policymakers and administrators only, as in RabbitMQ. Runs on the HTTP event loop.
 */
final class PoliciesApi {
  private final Broker broker;

  PoliciesApi(Broker broker) {
    this.broker = broker;
  }

  ApiResponse handle(ApiRequest request) {
    request.caller().requirePolicymaker();
    List<String> path = request.path();
    if (path.size() <= 2 && request.isGet()) {
      List<Object> out = new ArrayList<>();
      for (VirtualHost vhost :
          Vhosts.visible(broker, request, path.size() == 2 ? path.get(1) : null)) {
        vhost.policies().forEach(p -> out.add(describe(p)));
      }
      return ApiResponse.ok(out);
    }
    if (path.size() != 3) {
      throw ApiException.notFound();
    }
    VirtualHost vhost = Vhosts.require(broker, request, path.get(1));
    String name = path.get(2);
    Policy existing = vhost.policy(name);
    return switch (request.method().name()) {
      case "GET" -> {
        if (existing == null) {
          throw ApiException.notFound();
        }
        yield ApiResponse.ok(describe(existing));
      }
      case "PUT" -> {
        vhost.setPolicy(fromJson(vhost.name(), name, request.json()));
        yield ApiResponse.createdOrChanged(existing == null);
      }
      case "DELETE" -> {
        if (!vhost.clearPolicy(name)) {
          throw ApiException.notFound();
        }
        yield ApiResponse.noContent();
      }
      default -> throw ApiException.methodNotAllowed();
    };
  }

  /** RabbitMQ's JSON for a policy, as the API and definitions export write it. */
  static Map<String, Object> describe(Policy policy) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("vhost", policy.vhost());
    out.put("name", policy.name());
    out.put("pattern", policy.pattern());
    out.put("apply-to", policy.applyTo().wireName());
    out.put("definition", new java.util.TreeMap<>(policy.definition()));
    out.put("priority", policy.priority());
    return out;
  }

  /** A policy from RabbitMQ's JSON; 400 with RabbitMQ's text when it does not validate. */
  static Policy fromJson(String vhost, String name, Map<String, Object> body) {
    String pattern = ApiRequest.stringField(body, "pattern");
    if (!(body.get("definition") instanceof Map<?, ?> raw)) {
      throw ApiException.badRequest("[{key_missing,definition}]");
    }
    Map<String, Object> definition = new LinkedHashMap<>();
    raw.forEach((key, value) -> definition.put(String.valueOf(key), value));
    Object priority = body.getOrDefault("priority", 0L);
    Object applyTo = body.getOrDefault("apply-to", "all");
    try {
      if (!(priority instanceof Long) || (Long) priority != ((Long) priority).intValue()) {
        throw new IllegalArgumentException(
            "Validation failed\n\npriority must be an integer, got " + priority + "\n");
      }
      PolicyDefinition.validate(definition);
      return new Policy(
          vhost,
          name,
          pattern,
          Policy.ApplyTo.of(String.valueOf(applyTo)),
          ((Long) priority).intValue(),
          definition);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
