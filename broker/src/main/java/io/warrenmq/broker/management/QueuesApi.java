package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/queues[/vhost[/name[/contents]]]}: list with counts, show, delete, purge. Everything
 * that needs a queue's state asks the queue's executor and completes a future there; the handler
 * writes the response on its own event loop.
 */
final class QueuesApi {
  private final Broker broker;

  QueuesApi(Broker broker) {
    this.broker = broker;
  }

  CompletableFuture<ApiResponse> handle(ApiRequest request) {
    List<String> path = request.path();
    Caller caller = request.caller();
    if (path.size() <= 2) {
      if (!request.isGet()) {
        throw ApiException.methodNotAllowed();
      }
      List<MessageQueue> queues = new ArrayList<>();
      if (path.size() == 2) {
        caller.requireVhost(path.get(1));
        queues.addAll(vhost(path.get(1)).queues());
      } else {
        for (String name : broker.vhosts()) {
          VirtualHost vhost = broker.vhost(name);
          if (vhost != null && caller.canSee(name)) {
            queues.addAll(vhost.queues());
          }
        }
      }
      queues.sort(
          Comparator.comparing((MessageQueue q) -> q.settings().vhost())
              .thenComparing(MessageQueue::name));
      return QueueStats.all(queues)
          .thenApply(stats -> ApiResponse.ok(stats.stream().map(QueueStats::describe).toList()));
    }
    caller.requireVhost(path.get(1));
    VirtualHost vhost = vhost(path.get(1));
    MessageQueue queue = vhost.findQueue(path.get(2));
    if (queue == null) {
      throw ApiException.notFound();
    }
    if (path.size() == 3 && request.isGet()) {
      return QueueStats.of(queue).thenApply(stats -> ApiResponse.ok(stats.describe()));
    }
    caller.requireAdministrator();
    if (path.size() == 3 && request.method().name().equals("DELETE")) {
      return delete(vhost, queue, request.flag("if-unused"), request.flag("if-empty"));
    }
    if (path.size() == 4 && path.get(3).equals("contents")) {
      if (!request.method().name().equals("DELETE")) {
        throw ApiException.methodNotAllowed();
      }
      CompletableFuture<ApiResponse> done = new CompletableFuture<>();
      queue.purge(count -> done.complete(ApiResponse.noContent()));
      return done;
    }
    throw path.size() == 3 ? ApiException.methodNotAllowed() : ApiException.notFound();
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

  private VirtualHost vhost(String name) {
    VirtualHost vhost = broker.vhost(name);
    if (vhost == null) {
      throw ApiException.notFound();
    }
    return vhost;
  }
}
