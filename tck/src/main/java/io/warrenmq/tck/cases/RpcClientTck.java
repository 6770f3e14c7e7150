package io.warrenmq.tck.cases;

import static io.warrenmq.tck.Messages.tempQueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.RpcClient;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Our client's RPC helper against the broker: it takes direct reply-to when offered. */
@Tck
@Tag("direct-reply-to")
class RpcClientTck {

  @Test
  @SpecRule(
      section = "rabbitmq:direct-reply-to",
      text = "RpcClient replies through amq.rabbitmq.reply-to, one reply per call")
  void rpcClientUsesDirectReplyTo(TckBroker broker) {
    BlockingConnection serverConnection = broker.connect();
    BlockingChannel server = serverConnection.channel();
    String q = tempQueue(server);
    AtomicInteger handled = new AtomicInteger();
    server.basicConsume(
        q,
        (c, m, p, b) -> {
          String reply = "re:" + new String(b, StandardCharsets.UTF_8);
          c.basicPublish(
              "",
              p.replyTo(),
              reply,
              BasicProperties.builder().correlationId(p.correlationId()).build());
          handled.incrementAndGet();
        },
        o -> o.autoAck(true));

    RpcClient rpc = new RpcClient(broker.channel(), q);
    assertThat(rpc.replyQueue()).isEqualTo("amq.rabbitmq.reply-to");
    CompletableFuture<byte[]> first = rpc.callAsync("1".getBytes(StandardCharsets.UTF_8));
    CompletableFuture<byte[]> second = rpc.callAsync("2".getBytes(StandardCharsets.UTF_8));
    Wait.dispatching(serverConnection, "two requests", () -> handled.get() == 2);
    assertThat(new String(rpc.await(second, 10), StandardCharsets.UTF_8)).isEqualTo("re:2");
    assertThat(new String(rpc.await(first, 10), StandardCharsets.UTF_8)).isEqualTo("re:1");
    assertThat(rpc.inFlight()).isZero();
    rpc.close();
  }
}
