package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/overview}: product, and the totals the broker counts without stopping anything:
 * connections, queues, consumers and ready messages (each queue answers on its executor).
 */
final class OverviewApi {
  /** The jar's version when packaged, else the development version. */
  private static final String VERSION =
      Broker.class.getPackage().getImplementationVersion() != null
          ? Broker.class.getPackage().getImplementationVersion()
          : "0.1.0";

  private final Broker broker;

  OverviewApi(Broker broker) {
    this.broker = broker;
  }

  CompletableFuture<ApiResponse> handle(ApiRequest request) {
    if (request.path().size() != 1) {
      throw ApiException.notFound();
    }
    if (!request.isGet()) {
      throw ApiException.methodNotAllowed();
    }
    List<io.warrenmq.broker.queue.MessageQueue> queues = new ArrayList<>();
    for (String name : broker.vhosts()) {
      VirtualHost vhost = broker.vhost(name);
      if (vhost != null && request.caller().canSee(name)) {
        queues.addAll(vhost.queues());
      }
    }
    int connections = broker.connectionCount();
    return QueueStats.all(queues).thenApply(stats -> ApiResponse.ok(body(connections, stats)));
  }

  private static Map<String, Object> body(int connections, List<QueueStats> stats) {
    long ready = 0;
    long consumers = 0;
    for (QueueStats queue : stats) {
      ready += queue.ready();
      consumers += queue.consumers();
    }
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("connections", connections);
    totals.put("queues", stats.size());
    totals.put("consumers", consumers);
    Map<String, Object> queueTotals = new LinkedHashMap<>();
    queueTotals.put("messages", ready);
    queueTotals.put("messages_ready", ready);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("product_name", "WarrenMQ");
    out.put("product_version", VERSION);
    out.put("management_version", VERSION);
    out.put("object_totals", totals);
    out.put("queue_totals", queueTotals);
    return out;
  }
}
