package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/vhosts[/name]}: list, create (PUT), delete. Runs on the HTTP event loop: the access
 * model's changes are short and never wait on a queue (vhost deletion hands its queues their
 * deletes).
 */
final class VhostsApi {
  private final Broker broker;

  VhostsApi(Broker broker) {
    this.broker = broker;
  }

  ApiResponse handle(ApiRequest request) {
    List<String> path = request.path();
    if (path.size() == 1 && request.isGet()) {
      List<Object> out = new ArrayList<>();
      for (String vhost : broker.vhosts()) {
        if (request.caller().canSee(vhost)) {
          out.add(describe(vhost));
        }
      }
      return ApiResponse.ok(out);
    }
    if (path.size() != 2) {
      throw ApiException.notFound();
    }
    String vhost = path.get(1);
    return switch (request.method().name()) {
      case "GET" -> {
        if (!broker.access().vhostExists(vhost)) {
          throw ApiException.notFound();
        }
        request.caller().requireVhost(vhost);
        yield ApiResponse.ok(describe(vhost));
      }
      case "PUT" -> {
        request.caller().requireAdministrator();
        request.json(); // description, tags: accepted, not kept yet
        yield ApiResponse.createdOrChanged(broker.addVhost(vhost));
      }
      case "DELETE" -> {
        request.caller().requireAdministrator();
        if (!broker.access().vhostExists(vhost)) {
          throw ApiException.notFound();
        }
        broker.deleteVhost(vhost);
        yield ApiResponse.noContent();
      }
      default -> throw ApiException.methodNotAllowed();
    };
  }

  /** The fields RabbitMQ lists for a vhost that WarrenMQ has. */
  private Map<String, Object> describe(String name) {
    long ready = 0;
    VirtualHost vhost = broker.vhost(name);
    if (vhost != null) {
      for (MessageQueue queue : vhost.queues()) {
        ready += queue.approximateReadyCount();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("description", "");
    out.put("tags", List.of());
    out.put("tracing", false);
    out.put("messages_ready", ready);
    return out;
  }
}
