package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.access.Permission;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.Binding;
import io.warrenmq.broker.vhost.Exchange;
import io.warrenmq.broker.vhost.ExchangeType;
import io.warrenmq.broker.vhost.QueueDestination;
import io.warrenmq.broker.vhost.VirtualHost;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code /api/bindings[/vhost[/e/source/(q|e)/destination[/props]]]}: list, create (POST {@code
 * routing_key}, {@code arguments}), show and delete by properties key. Lists include the default
 * exchange's implicit binding of every queue, as RabbitMQ shows them. Runs on the HTTP event loop.
 */
final class BindingsApi {
  private final Broker broker;

  BindingsApi(Broker broker) {
    this.broker = broker;
  }

  ApiResponse handle(ApiRequest request) {
    List<String> path = request.path();
    if (path.size() <= 2) {
      requireGet(request);
      List<Map<String, Object>> out = new ArrayList<>();
      for (VirtualHost vhost :
          Vhosts.visible(broker, request, path.size() == 2 ? path.get(1) : null)) {
        out.addAll(list(vhost, b -> true, true));
      }
      return ApiResponse.ok(out);
    }
    if (path.size() < 6 || !path.get(2).equals("e") || !isKind(path.get(4)) || path.size() > 7) {
      throw ApiException.notFound();
    }
    VirtualHost vhost = Vhosts.require(broker, request, path.get(1));
    String source = Vhosts.exchangeName(path.get(3));
    boolean toQueue = path.get(4).equals("q");
    String destination = path.get(5);
    if (vhost.findExchange(source) == null) {
      throw ApiException.notFound();
    }
    MessageQueue queue = toQueue ? vhost.findQueue(destination) : null;
    if (toQueue ? queue == null : vhost.findExchange(destination) == null) {
      throw ApiException.notFound();
    }
    if (!request.isGet()) {
      // As queue.bind/exchange.bind: write on the destination, read on the source, and the topic
      // read permission on the routing key when the source is a topic exchange.
      String key =
          path.size() == 6
              ? String.valueOf(request.json().getOrDefault("routing_key", ""))
              : routingKeyOf(vhost, source, destination, toQueue, path.get(6));
      Exchange from = vhost.findExchange(source);
      request
          .caller()
          .check(
              vhost.name(),
              access -> {
                if (toQueue) {
                  access.queue(Permission.WRITE, destination);
                } else {
                  access.exchange(Permission.WRITE, destination);
                }
                access.exchange(Permission.READ, source);
                if (from.settings().type() == ExchangeType.TOPIC && key != null) {
                  access.topic(Permission.READ, from.name(), key);
                }
              });
    }
    Predicate<Binding> between =
        b ->
            b.source().name().equals(source)
                && b.destination().name().equals(destination)
                && (b.destination() instanceof QueueDestination) == toQueue;
    if (path.size() == 6) {
      if (request.isGet()) {
        return ApiResponse.ok(list(vhost, between, false));
      }
      if (!request.method().name().equals("POST")) {
        throw ApiException.methodNotAllowed();
      }
      Map<String, Object> body = request.json();
      Object key = body.getOrDefault("routing_key", "");
      Map<String, Object> arguments = Vhosts.arguments(body.get("arguments"));
      if (toQueue) {
        vhost.bindQueue(queue, source, String.valueOf(key), arguments);
      } else {
        vhost.bindExchange(destination, source, String.valueOf(key), arguments);
      }
      return ApiResponse.createdOrChanged(true);
    }
    String props = path.get(6);
    Binding found =
        vhost.bindings().stream()
            .filter(between.and(b -> propertiesKey(b).equals(props)))
            .findFirst()
            .orElseThrow(ApiException::notFound);
    return switch (request.method().name()) {
      case "GET" -> ApiResponse.ok(describe(vhost.name(), found));
      case "DELETE" -> {
        if (toQueue) {
          vhost.unbindQueue(queue, source, found.routingKey(), found.arguments());
        } else {
          vhost.unbindExchange(destination, source, found.routingKey(), found.arguments());
        }
        yield ApiResponse.noContent();
      }
      default -> throw ApiException.methodNotAllowed();
    };
  }

  /** The routing key of the binding a DELETE names, or null when there is none (404 follows). */
  private static String routingKeyOf(
      VirtualHost vhost, String source, String destination, boolean toQueue, String props) {
    return vhost.bindings().stream()
        .filter(
            b ->
                b.source().name().equals(source)
                    && b.destination().name().equals(destination)
                    && (b.destination() instanceof QueueDestination) == toQueue
                    && propertiesKey(b).equals(props))
        .map(Binding::routingKey)
        .findFirst()
        .orElse(null);
  }

  private static boolean isKind(String segment) {
    return segment.equals("q") || segment.equals("e");
  }

  private static void requireGet(ApiRequest request) {
    if (!request.isGet()) {
      throw ApiException.methodNotAllowed();
    }
  }

  /** The vhost's bindings that pass {@code filter}, sorted, default ones first if asked. */
  static List<Map<String, Object>> list(
      VirtualHost vhost, Predicate<Binding> filter, boolean withDefault) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (withDefault) {
      List<MessageQueue> queues = new ArrayList<>(vhost.queues());
      queues.sort(Comparator.comparing(MessageQueue::name));
      for (MessageQueue queue : queues) {
        out.add(implicit(vhost.name(), queue.name()));
      }
    }
    List<Binding> bindings = new ArrayList<>(vhost.bindings());
    bindings.removeIf(filter.negate());
    bindings.sort(
        Comparator.comparing((Binding b) -> b.source().name())
            .thenComparing(b -> b.destination().name())
            .thenComparing(Binding::routingKey));
    for (Binding binding : bindings) {
      out.add(describe(vhost.name(), binding));
    }
    return out;
  }

  /** The default exchange's binding of {@code queue}: routing key is the queue name. */
  static Map<String, Object> implicit(String vhost, String queue) {
    return describe(vhost, "", queue, "queue", queue, Map.of());
  }

  static Map<String, Object> describe(String vhost, Binding binding) {
    return describe(
        vhost,
        binding.source().name(),
        binding.destination().name(),
        binding.destination() instanceof QueueDestination ? "queue" : "exchange",
        binding.routingKey(),
        binding.arguments());
  }

  private static Map<String, Object> describe(
      String vhost,
      String source,
      String destination,
      String type,
      String key,
      Map<String, Object> arguments) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    out.put("vhost", vhost);
    out.put("destination", destination);
    out.put("destination_type", type);
    out.put("routing_key", key);
    out.put("arguments", arguments);
    out.put("properties_key", propertiesKey(key, arguments));
    return out;
  }

  static String propertiesKey(Binding binding) {
    return propertiesKey(binding.routingKey(), binding.arguments());
  }

  /**
   * Names one binding between a source and a destination in URLs, as RabbitMQ's {@code
   * properties_key}: the routing key ("~" when empty) and, with arguments, "~" and a digest of
   * them.
   */
  static String propertiesKey(String key, Map<String, Object> arguments) {
    if (arguments == null || arguments.isEmpty()) {
      return key.isEmpty() ? "~" : key;
    }
    String canonical = JsonWriter.write(new TreeMap<>(arguments));
    byte[] digest;
    try {
      digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return key
        + "~"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(java.util.Arrays.copyOf(digest, 12));
  }
}
