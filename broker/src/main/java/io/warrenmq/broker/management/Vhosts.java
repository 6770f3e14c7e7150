package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lookups every API shares: the vhosts a caller may see, names in paths, argument tables. */
final class Vhosts {
  private Vhosts() {}

  /** {@code only}'s vhost (401 or 404 when the caller may not see it), else every visible one. */
  static List<VirtualHost> visible(Broker broker, ApiRequest request, String only) {
    if (only != null) {
      return List.of(require(broker, request, only));
    }
    List<VirtualHost> out = new ArrayList<>();
    for (String name : broker.vhosts()) {
      VirtualHost vhost = broker.vhost(name);
      if (vhost != null && request.caller().canSee(name)) {
        out.add(vhost);
      }
    }
    return out;
  }

  /** The vhost named in a path; 401 when the caller may not see it, 404 when there is none. */
  static VirtualHost require(Broker broker, ApiRequest request, String name) {
    request.caller().requireVhost(name);
    VirtualHost vhost = broker.vhost(name);
    if (vhost == null) {
      throw ApiException.notFound();
    }
    return vhost;
  }

  /** RabbitMQ names the default exchange "amq.default" in paths. */
  static String exchangeName(String segment) {
    return segment.equals("amq.default") ? "" : segment;
  }

  /** An {@code arguments} object of a request body; missing means none. */
  static Map<String, Object> arguments(Object json) {
    if (json == null) {
      return Map.of();
    }
    if (!(json instanceof Map<?, ?> map)) {
      throw ApiException.badRequest("arguments must be an object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
