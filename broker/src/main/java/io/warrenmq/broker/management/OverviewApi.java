package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.MessageCounters;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/overview}: product, node, and the totals of the vhosts the caller may see:
 * objects (connections, channels, exchanges, queues, consumers), messages (ready and
 * unacknowledged, each queue answering on its executor, each connection on its event loop), and
 * message rates.
 */
final class OverviewApi {
  /** The jar's version when packaged, else the development version. */
  static final String VERSION =
      Broker.class.getPackage().getImplementationVersion() != null
          ? Broker.class.getPackage().getImplementationVersion()
          : "0.1.0";

  private final Broker broker;
  private final Rates rates;

  OverviewApi(Broker broker, Rates rates) {
    this.broker = broker;
    this.rates = rates;
  }

  CompletableFuture<ApiResponse> handle(ApiRequest request) {
    if (request.path().size() != 1) {
      throw ApiException.notFound();
    }
    if (!request.isGet()) {
      throw ApiException.methodNotAllowed();
    }
    List<VirtualHost> vhosts = Vhosts.visible(broker, request, null);
    List<MessageQueue> queues = new ArrayList<>();
    List<MessageCounters> counters = new ArrayList<>();
    long exchanges = 0;
    for (VirtualHost vhost : vhosts) {
      queues.addAll(vhost.queues());
      counters.add(vhost.counters());
      exchanges += vhost.exchanges().size();
    }
    long exchangeCount = exchanges;
    Map<String, Object> stats =
        rates.messageStats(
            request.caller().seesEverything() ? "all" : "user:" + request.caller().user().name(),
            counters);
    return QueueStats.all(queues)
        .thenCombine(
            Activity.gather(broker, request.caller()),
            (queueStats, activity) ->
                ApiResponse.ok(body(queueStats, activity, exchangeCount, stats)));
  }

  private static Map<String, Object> body(
      List<QueueStats> stats, Activity activity, long exchanges, Map<String, Object> messageStats) {
    long ready = 0;
    long unacked = 0;
    long consumers = 0;
    for (QueueStats queue : stats) {
      ready += queue.ready();
      unacked += activity.unacked(queue.queue());
      consumers += queue.consumers();
    }
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("connections", activity.connections().size());
    totals.put("channels", activity.channels().size());
    totals.put("exchanges", exchanges);
    totals.put("queues", stats.size());
    totals.put("consumers", consumers);
    Map<String, Object> queueTotals = new LinkedHashMap<>();
    queueTotals.put("messages", ready + unacked);
    queueTotals.put("messages_ready", ready);
    queueTotals.put("messages_unacknowledged", unacked);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("product_name", "WarrenMQ");
    out.put("product_version", VERSION);
    out.put("management_version", VERSION);
    out.put("rabbitmq_version", VERSION);
    out.put("node", NodesApi.NODE);
    out.put("cluster_name", NodesApi.NODE);
    out.put("object_totals", totals);
    out.put("queue_totals", queueTotals);
    out.put("message_stats", messageStats);
    return out;
  }
}
