package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import java.util.concurrent.CompletableFuture;

/**
 * Dispatches a request on its first path segment after {@code /api}. Synchronous handlers run on
 * the HTTP event loop (their work never waits); queue handlers answer with futures completed on the
 * queues' executors. Thread-safe (stateless).
 */
final class ApiRouter {
  private final OverviewApi overview;
  private final VhostsApi vhosts;
  private final UsersApi users;
  private final PermissionsApi permissions;
  private final QueuesApi queues;

  ApiRouter(Broker broker) {
    this.overview = new OverviewApi(broker);
    this.vhosts = new VhostsApi(broker);
    this.users = new UsersApi(broker);
    this.permissions = new PermissionsApi(broker);
    this.queues = new QueuesApi(broker);
  }

  /** The response; throws {@link ApiException} (or completes with one) for errors. */
  CompletableFuture<ApiResponse> route(ApiRequest request) {
    if (request.path().isEmpty()) {
      throw ApiException.notFound();
    }
    return switch (request.path().get(0)) {
      case "overview" -> overview.handle(request);
      case "vhosts" -> CompletableFuture.completedFuture(vhosts.handle(request));
      case "users" -> CompletableFuture.completedFuture(users.handle(request));
      case "permissions" -> CompletableFuture.completedFuture(permissions.handle(request));
      case "queues" -> queues.handle(request);
      default -> throw ApiException.notFound();
    };
  }
}
