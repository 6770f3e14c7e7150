package io.warrenmq.broker.management;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.channel.BrokerChannel;
import io.warrenmq.broker.management.Activity.ChannelView;
import io.warrenmq.broker.management.Activity.ConnectionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/connections[/name[/channels]]} (DELETE closes one with 320), {@code
 * /api/channels[/name]} and {@code /api/consumers[/vhost]}. Administrators and monitoring users see
 * every connection, others their own, as in RabbitMQ.
 */
final class ConnectionsApi {
  private final Broker broker;

  ConnectionsApi(Broker broker) {
    this.broker = broker;
  }

  CompletableFuture<ApiResponse> connections(ApiRequest request) {
    List<String> path = request.path();
    if (path.size() > 3 || (path.size() == 3 && !path.get(2).equals("channels"))) {
      throw ApiException.notFound();
    }
    if (path.size() == 2 && request.method().name().equals("DELETE")) {
      return Activity.gather(broker, request.caller())
          .thenApply(
              activity -> {
                ConnectionView found = find(activity, path.get(1));
                // RabbitMQ: administrators close any connection, other users only their own.
                if (!request.caller().isAdministrator()
                    && !request.caller().user().name().equals(found.user())) {
                  throw ApiException.notAuthorised("Not administrator user");
                }
                found.connection().forceClose("Closed via management plugin");
                return ApiResponse.noContent();
              });
    }
    requireGet(request);
    return Activity.gather(broker, request.caller())
        .thenApply(
            activity -> {
              if (path.size() == 1) {
                List<Object> out = new ArrayList<>();
                activity.connections().forEach(c -> out.add(describe(c)));
                return ApiResponse.ok(out);
              }
              ConnectionView found = find(activity, path.get(1));
              if (path.size() == 2) {
                return ApiResponse.ok(describe(found));
              }
              List<Object> out = new ArrayList<>();
              found.channels().forEach(c -> out.add(describe(c)));
              return ApiResponse.ok(out);
            });
  }

  CompletableFuture<ApiResponse> channels(ApiRequest request) {
    requireGet(request);
    List<String> path = request.path();
    if (path.size() > 2) {
      throw ApiException.notFound();
    }
    return Activity.gather(broker, request.caller())
        .thenApply(
            activity -> {
              List<Object> out = new ArrayList<>();
              for (ChannelView channel : activity.channels()) {
                if (path.size() == 1) {
                  out.add(describe(channel));
                } else if (channel.name().equals(path.get(1))) {
                  return ApiResponse.ok(describe(channel));
                }
              }
              if (path.size() == 2) {
                throw ApiException.notFound();
              }
              return ApiResponse.ok(out);
            });
  }

  CompletableFuture<ApiResponse> consumers(ApiRequest request) {
    requireGet(request);
    List<String> path = request.path();
    if (path.size() > 2) {
      throw ApiException.notFound();
    }
    String only = path.size() == 2 ? path.get(1) : null;
    if (only != null) {
      Vhosts.require(broker, request, only);
    }
    return Activity.gather(broker, Caller.everything(request.caller()))
        .thenApply(
            activity -> {
              List<Object> out = new ArrayList<>();
              for (ChannelView channel : activity.channels()) {
                String vhost = channel.connection().vhost();
                if ((only == null || only.equals(vhost)) && request.caller().canSee(vhost)) {
                  channel.consumers().forEach(c -> out.add(describe(channel, c)));
                }
              }
              return ApiResponse.ok(out);
            });
  }

  private static ConnectionView find(Activity activity, String name) {
    for (ConnectionView connection : activity.connections()) {
      if (connection.name().equals(name)) {
        return connection;
      }
    }
    throw ApiException.notFound();
  }

  private static void requireGet(ApiRequest request) {
    if (!request.isGet()) {
      throw ApiException.methodNotAllowed();
    }
  }

  static Map<String, Object> describe(ConnectionView c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("node", NodesApi.NODE);
    out.put("vhost", c.vhost());
    out.put("user", c.user());
    out.put("state", c.connection().isInFlow() ? "flow" : "running");
    out.put("type", "network");
    out.put("protocol", "AMQP 0-9-1");
    out.put("channels", c.channels().size());
    out.put("peer_host", c.peer().getAddress().getHostAddress());
    out.put("peer_port", c.peer().getPort());
    out.put("host", c.local().getAddress().getHostAddress());
    out.put("port", c.local().getPort());
    out.put("ssl", false);
    out.put("connected_at", c.connectedAt());
    out.put("channel_max", c.tuning()[0]);
    out.put("frame_max", c.tuning()[1]);
    out.put("timeout", c.tuning()[2]);
    out.put("client_properties", c.clientProperties());
    return out;
  }

  static Map<String, Object> describe(ChannelView channel) {
    ConnectionView c = channel.connection();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", channel.name());
    out.put("number", channel.number());
    out.put("node", NodesApi.NODE);
    out.put("vhost", c.vhost());
    out.put("user", c.user());
    out.put("state", "running");
    out.put("connection_details", connectionDetails(c));
    out.put("consumer_count", channel.consumers().size());
    out.put("messages_unacknowledged", channel.unacked());
    out.put("prefetch_count", channel.prefetch());
    out.put("message_stats", Map.of("deliver_get", channel.delivered()));
    return out;
  }

  private static Map<String, Object> connectionDetails(ConnectionView c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("peer_host", c.peer().getAddress().getHostAddress());
    out.put("peer_port", c.peer().getPort());
    return out;
  }

  static Map<String, Object> describe(ChannelView channel, BrokerChannel.ConsumerView consumer) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", channel.name());
    details.put("number", channel.number());
    details.put("connection_name", channel.connection().name());
    details.put("peer_host", channel.connection().peer().getAddress().getHostAddress());
    details.put("peer_port", channel.connection().peer().getPort());
    details.put("user", channel.connection().user());
    Map<String, Object> queue = new LinkedHashMap<>();
    queue.put("name", consumer.queue().name());
    queue.put("vhost", consumer.queue().settings().vhost());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("consumer_tag", consumer.tag());
    out.put("channel_details", details);
    out.put("queue", queue);
    out.put("ack_required", consumer.ackRequired());
    out.put("prefetch_count", consumer.prefetch());
    out.put("exclusive", false);
    out.put("active", true);
    out.put("activity_status", "up");
    out.put("arguments", Map.of());
    return out;
  }
}
