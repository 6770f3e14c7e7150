package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.access.Permission;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.vhost.QueueDestination;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/queues[/vhost[/name[/contents|/get|/bindings]]]}: list with counts, show, declare
 * (PUT), delete, purge, get, and a queue's bindings. Everything that needs a queue's state asks the
 * queue's executor and completes a future there, and unacknowledged counts come from the channels'
 * event loops; the handler writes the response on its own event loop.
 */
final class QueuesApi {
  private final Broker broker;
  private final Rates rates;

  QueuesApi(Broker broker, Rates rates) {
    this.broker = broker;
    this.rates = rates;
  }

  CompletableFuture<ApiResponse> handle(ApiRequest request) {
    List<String> path = request.path();
    Caller caller = request.caller();
    if (path.size() <= 2) {
      if (!request.isGet()) {
        throw ApiException.methodNotAllowed();
      }
      List<MessageQueue> queues = new ArrayList<>();
      for (VirtualHost vhost :
          Vhosts.visible(broker, request, path.size() == 2 ? path.get(1) : null)) {
        queues.addAll(vhost.queues());
      }
      queues.sort(
          Comparator.comparing((MessageQueue q) -> q.settings().vhost())
              .thenComparing(MessageQueue::name));
      return describe(queues, caller).thenApply(ApiResponse::ok);
    }
    VirtualHost vhost = Vhosts.require(broker, request, path.get(1));
    String name = path.get(2);
    if (path.size() == 3 && request.method().name().equals("PUT")) {
      Map<String, Object> body = request.json();
      Object dlx = Vhosts.arguments(body.get("arguments")).get("x-dead-letter-exchange");
      // As queue.declare: configure on it; with a dead-letter exchange, write there, read on it.
      caller.check(
          vhost.name(),
          access -> {
            access.queue(Permission.CONFIGURE, name);
            if (dlx != null) {
              access.exchange(Permission.WRITE, dlx.toString());
              access.queue(Permission.READ, name);
            }
          });
      return CompletableFuture.completedFuture(declare(vhost, name, body));
    }
    MessageQueue queue = vhost.findQueue(name);
    if (queue == null) {
      throw ApiException.notFound();
    }
    if (path.size() == 3 && request.isGet()) {
      return describe(List.of(queue), caller).thenApply(list -> ApiResponse.ok(list.get(0)));
    }
    if (path.size() == 4 && path.get(3).equals("bindings") && request.isGet()) {
      List<Map<String, Object>> out = new ArrayList<>();
      out.add(BindingsApi.implicit(vhost.name(), queue.name()));
      out.addAll(
          BindingsApi.list(
              vhost,
              b -> b.destination() instanceof QueueDestination d && d.queue() == queue,
              false));
      return CompletableFuture.completedFuture(ApiResponse.ok(out));
    }
    if (path.size() == 3 && request.method().name().equals("DELETE")) {
      caller.check(vhost.name(), access -> access.queue(Permission.CONFIGURE, name));
      return delete(vhost, queue, request.flag("if-unused"), request.flag("if-empty"));
    }
    if (path.size() == 4 && path.get(3).equals("get")) {
      if (!request.method().name().equals("POST")) {
        throw ApiException.methodNotAllowed();
      }
      caller.check(vhost.name(), access -> access.queue(Permission.READ, name));
      return MessagesApi.get(vhost, queue, request.json());
    }
    if (path.size() == 4 && path.get(3).equals("contents")) {
      if (!request.method().name().equals("DELETE")) {
        throw ApiException.methodNotAllowed();
      }
      caller.check(vhost.name(), access -> access.queue(Permission.READ, name));
      CompletableFuture<ApiResponse> done = new CompletableFuture<>();
      queue.purge(count -> done.complete(ApiResponse.noContent()));
      return done;
    }
    throw path.size() == 3 ? ApiException.methodNotAllowed() : ApiException.notFound();
  }

  /** The queues' RabbitMQ fields, counts included. */
  private CompletableFuture<List<Map<String, Object>>> describe(
      List<MessageQueue> queues, Caller caller) {
    return QueueStats.all(queues)
        .thenCombine(
            Activity.gather(broker, Caller.everything(caller)),
            (stats, activity) -> {
              List<Map<String, Object>> out = new ArrayList<>();
              for (QueueStats s : stats) {
                MessageQueue queue = s.queue();
                VirtualHost vhost = broker.vhost(queue.settings().vhost());
                Map<String, Object> messageStats =
                    vhost == null
                        ? Map.of()
                        : rates.messageStats(
                            "queue/" + vhost.name() + "/" + queue.name(),
                            List.of(vhost.queueCounters(queue)));
                out.add(s.describe(activity.unacked(queue), messageStats));
              }
              return out;
            });
  }

  /** PUT: queue.declare with {@code durable} (default true), {@code auto_delete}, arguments. */
  static ApiResponse declare(VirtualHost vhost, String name, Map<String, Object> body) {
    if (name.isEmpty()) {
      throw ApiException.badRequest("queue name must not be empty");
    }
    boolean existed = vhost.findQueue(name) != null;
    vhost.declareQueue(
        new QueueSettings(
            name,
            vhost.name(),
            ExchangesApi.flag(body, "durable", true),
            null,
            ExchangesApi.flag(body, "auto_delete", false),
            Vhosts.arguments(body.get("arguments"))));
    return ApiResponse.createdOrChanged(!existed);
  }

  /** As queue.delete: the queue's executor answers, then the vhost forgets the queue. */
  private static CompletableFuture<ApiResponse> delete(
      VirtualHost vhost, MessageQueue queue, boolean ifUnused, boolean ifEmpty) {
    CompletableFuture<ApiResponse> done = new CompletableFuture<>();
    queue.delete(
        ifUnused,
        ifEmpty,
        (count, error) -> {
          if (error != null) {
            done.completeExceptionally(ApiException.badRequest(error.detail()));
            return;
          }
          vhost.queueDeleted(queue);
          done.complete(ApiResponse.noContent());
        });
    return done;
  }
}
