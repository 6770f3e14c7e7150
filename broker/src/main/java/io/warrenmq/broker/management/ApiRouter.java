package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import java.util.concurrent.CompletableFuture;

/**
 * Dispatches a request on its first path segment after {@code /api}. Synchronous handlers run on
 * the HTTP event loop (their work never waits); queue and connection handlers answer with futures
 * completed on the queues' executors and the connections' event loops. Thread-safe.
 */
final class ApiRouter {
  private final OverviewApi overview;
  private final VhostsApi vhosts;
  private final UsersApi users;
  private final PermissionsApi permissions;
  private final TopicPermissionsApi topicPermissions;
  private final QueuesApi queues;
  private final ExchangesApi exchanges;
  private final BindingsApi bindings;
  private final ConnectionsApi connections;
  private final NodesApi nodes;
  private final DefinitionsApi definitions;

  ApiRouter(Broker broker) {
    Rates rates = new Rates();
    this.overview = new OverviewApi(broker, rates);
    this.vhosts = new VhostsApi(broker);
    this.users = new UsersApi(broker);
    this.permissions = new PermissionsApi(broker);
    this.topicPermissions = new TopicPermissionsApi(broker);
    this.queues = new QueuesApi(broker, rates);
    this.exchanges = new ExchangesApi(broker, rates);
    this.bindings = new BindingsApi(broker);
    this.connections = new ConnectionsApi(broker);
    this.nodes = new NodesApi(broker);
    this.definitions = new DefinitionsApi(broker);
  }

  /** The response; throws {@link ApiException} (or completes with one) for errors. */
  CompletableFuture<ApiResponse> route(ApiRequest request) {
    if (request.path().isEmpty()) {
      throw ApiException.notFound();
    }
    return switch (request.path().get(0)) {
      case "overview" -> overview.handle(request);
      case "vhosts" -> done(vhosts.handle(request));
      case "users" -> done(users.handle(request));
      case "permissions" -> done(permissions.handle(request));
      case "topic-permissions" -> done(topicPermissions.handle(request));
      case "queues" -> queues.handle(request);
      case "exchanges" -> exchanges.handle(request);
      case "bindings" -> done(bindings.handle(request));
      case "connections" -> connections.connections(request);
      case "channels" -> connections.channels(request);
      case "consumers" -> connections.consumers(request);
      case "nodes" -> done(nodes.nodes(request));
      case "healthchecks" -> done(nodes.healthcheck(request));
      case "definitions" -> definitions.handle(request);
      case "whoami" -> done(whoami(request));
      default -> throw ApiException.notFound();
    };
  }

  private static CompletableFuture<ApiResponse> done(ApiResponse response) {
    return CompletableFuture.completedFuture(response);
  }

  /** {@code GET /api/whoami}: the caller's name and tags, for a UI deciding what to show. */
  private static ApiResponse whoami(ApiRequest request) {
    if (request.path().size() != 1 || !request.isGet()) {
      throw ApiException.notFound();
    }
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("name", request.caller().user().name());
    out.put("tags", java.util.List.copyOf(new java.util.TreeSet<>(request.caller().user().tags())));
    return ApiResponse.ok(out);
  }
}
