package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.access.Permission;
import io.warrenmq.broker.vhost.Binding;
import io.warrenmq.broker.vhost.Exchange;
import io.warrenmq.broker.vhost.ExchangeSettings;
import io.warrenmq.broker.vhost.ExchangeType;
import io.warrenmq.broker.vhost.VirtualHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/exchanges[/vhost[/name[/publish|/bindings/(source|destination)]]]}: list, declare
 * (PUT), delete, publish, and an exchange's bindings. Declares and deletes go through the vhost as
 * exchange.declare and exchange.delete do, with the same equivalence and permission checks.
 */
final class ExchangesApi {
  private final Broker broker;
  private final Rates rates;

  ExchangesApi(Broker broker, Rates rates) {
    this.broker = broker;
    this.rates = rates;
  }

  CompletableFuture<ApiResponse> handle(ApiRequest request) {
    List<String> path = request.path();
    if (path.size() <= 2) {
      if (!request.isGet()) {
        throw ApiException.methodNotAllowed();
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (VirtualHost vhost :
          Vhosts.visible(broker, request, path.size() == 2 ? path.get(1) : null)) {
        List<Exchange> exchanges = new ArrayList<>(vhost.exchanges());
        exchanges.sort(Comparator.comparing(Exchange::name));
        exchanges.forEach(e -> out.add(withStats(vhost.name(), e)));
      }
      return done(ApiResponse.ok(out));
    }
    VirtualHost vhost = Vhosts.require(broker, request, path.get(1));
    String name = Vhosts.exchangeName(path.get(2));
    if (path.size() == 3) {
      return done(exchange(request, vhost, name));
    }
    Exchange exchange = vhost.findExchange(name);
    if (exchange == null) {
      throw ApiException.notFound();
    }
    if (path.size() == 4 && path.get(3).equals("publish")) {
      if (!request.method().name().equals("POST")) {
        throw ApiException.methodNotAllowed();
      }
      Map<String, Object> body = request.json();
      request
          .caller()
          .check(
              vhost.name(),
              access -> {
                access.exchange(Permission.WRITE, name);
                if (exchange.settings().type() == ExchangeType.TOPIC
                    && body.get("routing_key") instanceof String key) {
                  access.topic(Permission.WRITE, name, key);
                }
              });
      return MessagesApi.publish(vhost, name, body);
    }
    if (path.size() == 5 && path.get(3).equals("bindings") && request.isGet()) {
      boolean source = path.get(4).equals("source");
      if (!source && !path.get(4).equals("destination")) {
        throw ApiException.notFound();
      }
      return done(
          ApiResponse.ok(
              BindingsApi.list(
                  vhost,
                  (Binding b) -> source ? b.source() == exchange : b.destination() == exchange,
                  false)));
    }
    throw ApiException.notFound();
  }

  private ApiResponse exchange(ApiRequest request, VirtualHost vhost, String name) {
    return switch (request.method().name()) {
      case "GET" -> {
        Exchange exchange = vhost.findExchange(name);
        if (exchange == null) {
          throw ApiException.notFound();
        }
        yield ApiResponse.ok(withStats(vhost.name(), exchange));
      }
      case "PUT" -> {
        Map<String, Object> body = request.json();
        Object alternate = Vhosts.arguments(body.get("arguments")).get("alternate-exchange");
        // As exchange.declare: configure on it; with an alternate, write there and read on it.
        request
            .caller()
            .check(
                vhost.name(),
                access -> {
                  access.exchange(Permission.CONFIGURE, name);
                  if (alternate != null) {
                    access.exchange(Permission.WRITE, alternate.toString());
                    access.exchange(Permission.READ, name);
                  }
                });
        boolean existed = vhost.findExchange(name) != null;
        vhost.declareExchange(settings(name, body), false);
        yield ApiResponse.createdOrChanged(!existed);
      }
      case "DELETE" -> {
        if (vhost.findExchange(name) == null) {
          throw ApiException.notFound();
        }
        request.caller().check(vhost.name(), a -> a.exchange(Permission.CONFIGURE, name));
        vhost.deleteExchange(name, request.flag("if-unused"));
        yield ApiResponse.noContent();
      }
      default -> throw ApiException.methodNotAllowed();
    };
  }

  /** The settings a PUT body declares; RabbitMQ requires {@code type}, durable by default. */
  static ExchangeSettings settings(String name, Map<String, Object> body) {
    return new ExchangeSettings(
        name,
        ExchangeType.of(ApiRequest.stringField(body, "type")),
        flag(body, "durable", true),
        flag(body, "auto_delete", false),
        flag(body, "internal", false),
        Vhosts.arguments(body.get("arguments")));
  }

  static boolean flag(Map<String, Object> body, String field, boolean otherwise) {
    Object value = body.get(field);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
      return Boolean.parseBoolean(text);
    }
    throw ApiException.badRequest(field + " must be true or false");
  }

  /** The exchange's fields and its {@code message_stats} (publish_in, publish_out and rates). */
  private Map<String, Object> withStats(String vhost, Exchange exchange) {
    Map<String, Object> out = describe(vhost, exchange);
    out.put(
        "message_stats",
        rates.exchangeStats(
            "exchange/" + vhost + "/" + exchange.name(),
            exchange.publishIn(),
            exchange.publishOut()));
    return out;
  }

  static Map<String, Object> describe(String vhost, Exchange exchange) {
    ExchangeSettings settings = exchange.settings();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", settings.name());
    out.put("vhost", vhost);
    out.put("type", settings.type().wireName());
    out.put("durable", settings.durable());
    out.put("auto_delete", settings.autoDelete());
    out.put("internal", settings.internal());
    out.put("arguments", settings.arguments());
    return out;
  }

  private static CompletableFuture<ApiResponse> done(ApiResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
