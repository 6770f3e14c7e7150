package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/nodes[/name]} (this one node), {@code POST /api/nodes/name/stop} (WarrenMQ's own,
 * administrators only: what {@code warrenctl stop} calls) and {@code /api/healthchecks/node}.
 */
final class NodesApi {
  /** The node's name, as RabbitMQ's {@code rabbit@host}. */
  static final String NODE = "warren@" + hostName();

  private final Broker broker;

  NodesApi(Broker broker) {
    this.broker = broker;
  }

  ApiResponse nodes(ApiRequest request) {
    List<String> path = request.path();
    if (path.size() == 1 && request.isGet()) {
      return ApiResponse.ok(List.of(describe()));
    }
    if (path.size() < 2 || !path.get(1).equals(NODE) || path.size() > 3) {
      throw ApiException.notFound();
    }
    if (path.size() == 2 && request.isGet()) {
      return ApiResponse.ok(describe());
    }
    if (path.size() == 3 && path.get(2).equals("stop")) {
      if (!request.method().name().equals("POST")) {
        throw ApiException.methodNotAllowed();
      }
      request.caller().requireAdministrator();
      return new ApiResponse(
          io.netty.handler.codec.http.HttpResponseStatus.NO_CONTENT, null, broker::requestStop);
    }
    throw path.size() == 2 ? ApiException.methodNotAllowed() : ApiException.notFound();
  }

  /** RabbitMQ's node health check: 200 {@code {"status":"ok"}} while the node runs. */
  ApiResponse healthcheck(ApiRequest request) {
    if (!request.isGet() || request.path().size() != 2 || !request.path().get(1).equals("node")) {
      throw ApiException.notFound();
    }
    return ApiResponse.ok(Map.of("status", "ok"));
  }

  private Map<String, Object> describe() {
    Runtime runtime = Runtime.getRuntime();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", NODE);
    out.put("type", "disc");
    out.put("running", true);
    out.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime());
    out.put("processors", runtime.availableProcessors());
    out.put("os_pid", String.valueOf(ProcessHandle.current().pid()));
    out.put("mem_used", runtime.totalMemory() - runtime.freeMemory());
    out.put("mem_limit", broker.config().memory().limitBytes());
    out.put("mem_alarm", broker.isMemoryAlarmRaised());
    out.put("disk_free_alarm", false);
    out.put("sockets_used", broker.connectionCount());
    out.put("erlang_version", "none (Java " + Runtime.version() + ")");
    return out;
  }

  private static String hostName() {
    try {
      String host = InetAddress.getLocalHost().getHostName();
      int dot = host.indexOf('.');
      return dot > 0 ? host.substring(0, dot) : host;
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
