package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.access.AccessSnapshot;
import io.warrenmq.broker.access.PasswordHash;
import io.warrenmq.broker.access.Permissions;
import io.warrenmq.broker.access.TopicPermission;
import io.warrenmq.broker.access.User;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.broker.vhost.Binding;
import io.warrenmq.broker.vhost.Exchange;
import io.warrenmq.broker.vhost.QueueDestination;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code GET /api/definitions[/vhost]} exports, and {@code POST /api/definitions[/vhost]} imports,
 * RabbitMQ's JSON definitions: users (with their password hashes), vhosts, permissions, topic
 * permissions, and the durable queues, exchanges and bindings, so that {@code rabbitmqctl
 * export_definitions} output imports here and ours imports there. Administrators only. Runs on the
 * HTTP event loop.
 */
final class DefinitionsApi {
  private final Broker broker;

  DefinitionsApi(Broker broker) {
    this.broker = broker;
  }

  CompletableFuture<ApiResponse> handle(ApiRequest request) {
    request.caller().requireAdministrator();
    List<String> path = request.path();
    if (path.size() > 2) {
      throw ApiException.notFound();
    }
    VirtualHost only = path.size() == 2 ? broker.vhost(path.get(1)) : null;
    if (path.size() == 2 && only == null) {
      throw ApiException.notFound();
    }
    return CompletableFuture.completedFuture(
        switch (request.method().name()) {
          case "GET" -> ApiResponse.ok(only == null ? export() : export(only));
          case "POST" -> {
            if (only == null) {
              load(request.json());
            } else {
              loadInto(only, request.json());
            }
            yield ApiResponse.noContent();
          }
          default -> throw ApiException.methodNotAllowed();
        });
  }

  /**
   * {@code GET /api/definitions/vhost}: RabbitMQ's per-vhost export, the vhost's queues, exchanges
   * and bindings without their {@code vhost} fields, so the file imports into any vhost.
   */
  Map<String, Object> export(VirtualHost vhost) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rabbit_version", OverviewApi.VERSION);
    out.put("rabbitmq_version", OverviewApi.VERSION);
    out.put("product_name", "WarrenMQ");
    out.put("product_version", OverviewApi.VERSION);
    out.put("parameters", List.of());
    List<Object> policies = new ArrayList<>();
    vhost.policies().forEach(p -> policies.add(PoliciesApi.describe(p)));
    out.put("policies", policies);
    List<Object> queues = new ArrayList<>();
    List<Object> exchanges = new ArrayList<>();
    List<Object> bindings = new ArrayList<>();
    exportVhost(vhost, queues, exchanges, bindings);
    for (List<Object> items : List.of(policies, queues, exchanges, bindings)) {
      for (Object item : items) {
        ((Map<?, ?>) item).remove("vhost");
      }
    }
    out.put("queues", queues);
    out.put("exchanges", exchanges);
    out.put("bindings", bindings);
    return out;
  }

  /**
   * {@code POST /api/definitions/vhost}: imports a file's exchanges, queues and bindings into
   * {@code vhost}, whatever vhost its items name (as RabbitMQ); users, vhosts and permissions are
   * not part of a per-vhost import.
   */
  void loadInto(VirtualHost vhost, Map<String, Object> definitions) {
    loadTopology(definitions, item -> vhost);
  }

  Map<String, Object> export() {
    AccessSnapshot access = broker.access().snapshot();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rabbit_version", OverviewApi.VERSION);
    out.put("rabbitmq_version", OverviewApi.VERSION);
    out.put("product_name", "WarrenMQ");
    out.put("product_version", OverviewApi.VERSION);
    List<Object> users = new ArrayList<>();
    for (User user : access.users().values()) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("name", user.name());
      u.put("password_hash", user.passwordHash());
      u.put("hashing_algorithm", PasswordHash.ALGORITHM);
      u.put("tags", List.copyOf(new TreeSet<>(user.tags())));
      u.put("limits", Map.of());
      users.add(u);
    }
    out.put("users", users);
    List<Object> vhosts = new ArrayList<>();
    access.vhosts().forEach(v -> vhosts.add(Map.of("name", v)));
    out.put("vhosts", vhosts);
    List<Object> permissions = new ArrayList<>();
    access
        .permissions()
        .forEach(
            (vhost, byUser) ->
                byUser.forEach(
                    (user, p) -> {
                      Map<String, Object> entry = new LinkedHashMap<>();
                      entry.put("user", user);
                      entry.put("vhost", vhost);
                      entry.put("configure", p.configure());
                      entry.put("write", p.write());
                      entry.put("read", p.read());
                      permissions.add(entry);
                    }));
    out.put("permissions", permissions);
    out.put("topic_permissions", TopicPermissionsApi.list(access, null, null));
    out.put("parameters", List.of());
    out.put("global_parameters", List.of());
    List<Object> policies = new ArrayList<>();
    for (String name : access.vhosts()) {
      VirtualHost vhost = broker.vhost(name);
      if (vhost != null) {
        vhost.policies().forEach(p -> policies.add(PoliciesApi.describe(p)));
      }
    }
    out.put("policies", policies);
    List<Object> queues = new ArrayList<>();
    List<Object> exchanges = new ArrayList<>();
    List<Object> bindings = new ArrayList<>();
    for (String name : access.vhosts()) {
      VirtualHost vhost = broker.vhost(name);
      if (vhost != null) {
        exportVhost(vhost, queues, exchanges, bindings);
      }
    }
    out.put("queues", queues);
    out.put("exchanges", exchanges);
    out.put("bindings", bindings);
    return out;
  }

  /** What survives a restart: durable, non-exclusive queues; durable, non-predeclared exchanges. */
  private static void exportVhost(
      VirtualHost vhost, List<Object> queues, List<Object> exchanges, List<Object> bindings) {
    List<MessageQueue> durable = new ArrayList<>(vhost.queues());
    durable.removeIf(q -> !q.settings().durable() || q.settings().isExclusive());
    durable.sort(Comparator.comparing(MessageQueue::name));
    for (MessageQueue queue : durable) {
      QueueSettings s = queue.settings();
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("name", s.name());
      q.put("vhost", vhost.name());
      q.put("durable", true);
      q.put("auto_delete", s.autoDelete());
      q.put("arguments", s.arguments());
      queues.add(q);
    }
    List<Exchange> kept = new ArrayList<>(vhost.exchanges());
    kept.removeIf(e -> !isExported(e));
    kept.sort(Comparator.comparing(Exchange::name));
    kept.forEach(e -> exchanges.add(ExchangesApi.describe(vhost.name(), e)));
    for (Binding binding : vhost.bindings()) {
      boolean destinationKept =
          binding.destination() instanceof QueueDestination d
              ? durable.contains(d.queue())
              : binding.destination() instanceof Exchange e && e.settings().durable();
      if (binding.source().settings().durable() && destinationKept) {
        Map<String, Object> b = BindingsApi.describe(vhost.name(), binding);
        b.remove("properties_key");
        bindings.add(b);
      }
    }
  }

  private static boolean isExported(Exchange exchange) {
    return exchange.settings().durable()
        && !exchange.name().isEmpty()
        && !exchange.name().startsWith("amq.");
  }

  /**
   * Imports in dependency order: vhosts, users, permissions, policies, exchanges, queues, bindings.
   */
  void load(Map<String, Object> definitions) {
    for (Map<String, Object> vhost : items(definitions, "vhosts")) {
      broker.addVhost(ApiRequest.stringField(vhost, "name"));
    }
    for (Map<String, Object> user : items(definitions, "users")) {
      loadUser(user);
    }
    for (Map<String, Object> p : items(definitions, "permissions")) {
      String vhost = ApiRequest.stringField(p, "vhost");
      String user = ApiRequest.stringField(p, "user");
      if (userAndVhostExist(user, vhost)) {
        broker
            .access()
            .setPermissions(
                user,
                vhost,
                Permissions.of(
                    ApiRequest.stringField(p, "configure"),
                    ApiRequest.stringField(p, "write"),
                    ApiRequest.stringField(p, "read")));
      }
    }
    for (Map<String, Object> p : items(definitions, "topic_permissions")) {
      String vhost = ApiRequest.stringField(p, "vhost");
      String user = ApiRequest.stringField(p, "user");
      if (userAndVhostExist(user, vhost)) {
        broker
            .access()
            .setTopicPermission(
                user,
                vhost,
                TopicPermission.of(
                    ApiRequest.stringField(p, "exchange"),
                    ApiRequest.stringField(p, "write"),
                    ApiRequest.stringField(p, "read")));
      }
    }
    loadTopology(definitions, this::vhost);
  }

  /** Permissions for a user or vhost the broker does not have are skipped, not an error. */
  private boolean userAndVhostExist(String user, String vhost) {
    return broker.access().vhostExists(vhost)
        && broker.access().snapshot().users().containsKey(user);
  }

  private void loadTopology(
      Map<String, Object> definitions, Function<Map<String, Object>, VirtualHost> vhostOf) {
    // Policies first, so that the queues and exchanges below start with theirs in force.
    for (Map<String, Object> p : items(definitions, "policies")) {
      VirtualHost vhost = vhostOf.apply(p);
      vhost.setPolicy(PoliciesApi.fromJson(vhost.name(), ApiRequest.stringField(p, "name"), p));
    }
    for (Map<String, Object> e : items(definitions, "exchanges")) {
      String name = ApiRequest.stringField(e, "name");
      if (!name.isEmpty() && !name.startsWith("amq.")) {
        vhostOf.apply(e).declareExchange(ExchangesApi.settings(name, e), false);
      }
    }
    for (Map<String, Object> q : items(definitions, "queues")) {
      QueuesApi.declare(vhostOf.apply(q), ApiRequest.stringField(q, "name"), q);
    }
    for (Map<String, Object> b : items(definitions, "bindings")) {
      loadBinding(vhostOf.apply(b), b);
    }
  }

  private void loadUser(Map<String, Object> user) {
    String name = ApiRequest.stringField(user, "name");
    var tags = UsersApi.tags(user.get("tags"));
    Object algorithm = user.getOrDefault("hashing_algorithm", PasswordHash.ALGORITHM);
    String hash = null;
    if (user.get("password_hash") instanceof String given) {
      if (!PasswordHash.ALGORITHM.equals(algorithm)) {
        throw ApiException.badRequest(
            "user '" + name + "': hashing_algorithm " + algorithm + " is not supported");
      }
      hash = given;
    } else if (!(user.get("password") instanceof String)) {
      throw ApiException.badRequest("[{key_missing,password_hash}]");
    }
    if (!broker.access().snapshot().users().containsKey(name)) {
      // Created with a password nobody knows, replaced by the imported hash right after.
      String password = hash == null ? (String) user.get("password") : UUID.randomUUID().toString();
      broker.access().addUser(name, password, tags);
    } else {
      broker.access().setUserTags(name, tags);
      if (hash == null) {
        broker.changePassword(name, (String) user.get("password"));
      }
    }
    if (hash != null) {
      broker.access().setPasswordHash(name, hash);
    }
  }

  private static void loadBinding(VirtualHost vhost, Map<String, Object> b) {
    String source = ApiRequest.stringField(b, "source");
    String destination = ApiRequest.stringField(b, "destination");
    String key = ApiRequest.stringField(b, "routing_key");
    Map<String, Object> arguments = Vhosts.arguments(b.get("arguments"));
    if ("exchange".equals(b.get("destination_type"))) {
      vhost.bindExchange(destination, source, key, arguments);
      return;
    }
    MessageQueue queue = vhost.findQueue(destination);
    if (queue == null) {
      throw ApiException.badRequest("binding to missing queue '" + destination + "'");
    }
    vhost.bindQueue(queue, source, key, arguments);
  }

  private VirtualHost vhost(Map<String, Object> item) {
    String name = ApiRequest.stringField(item, "vhost");
    VirtualHost vhost = broker.vhost(name);
    if (vhost == null) {
      throw ApiException.badRequest("vhost '" + name + "' does not exist");
    }
    return vhost;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> definitions, String key) {
    Object value = definitions.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(i -> i instanceof Map<?, ?>)) {
      throw ApiException.badRequest(key + " must be a list of objects");
    }
    return (List<Map<String, Object>>) list;
  }
}
