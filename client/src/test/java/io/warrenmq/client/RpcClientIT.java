package io.warrenmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.model.generated.BasicProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RpcClientIT {
  private String rpcQueue;
  private Thread server;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean foreign = new AtomicBoolean();

  @BeforeEach
  void startServer() throws Exception {
    TestBroker.assumeAvailable();
    rpcQueue = TestBroker.unique("rpc");
    CompletableFuture<Void> ready = new CompletableFuture<>();
    server =
        new Thread(
            () -> {
              try (BlockingConnection connection = TestBroker.connect()) {
                BlockingChannel ch = connection.channel();
                ch.queueDeclare(rpcQueue, o -> o.autoDelete(true));
                ch.basicQos(1);
                ch.basicConsume(
                    rpcQueue,
                    (c, method, props, body) -> {
                      String request = new String(body, StandardCharsets.UTF_8);
                      if (request.equals("slow")) {
                        connection.sleep(1.0);
                      }
                      if (foreign.get()) {
                        c.basicPublish(
                            "",
                            props.replyTo(),
                            "foreign",
                            BasicProperties.builder().correlationId("not-ours").build());
                      }
                      c.basicPublish(
                          "",
                          props.replyTo(),
                          "re:" + request,
                          BasicProperties.builder().correlationId(props.correlationId()).build());
                      c.basicAck(method.deliveryTag());
                    });
                ready.complete(null);
                while (!stop.get()) {
                  connection.processDataEvents(0.1);
                }
              } catch (RuntimeException e) {
                ready.completeExceptionally(e);
              }
            },
            "rpc-server");
    server.start();
    ready.get();
  }

  @AfterEach
  void stopServer() throws Exception {
    stop.set(true);
    if (server != null) {
      server.join();
    }
  }

  @Test
  void callReturnsTheReply() {
    try (BlockingConnection connection = TestBroker.connect()) {
      RpcClient client = new RpcClient(connection.channel(), rpcQueue);
      assertThat(client.replyQueue()).isEqualTo("amq.rabbitmq.reply-to");
      assertThat(client.call("30")).isEqualTo("re:30");
      assertThat(client.inFlight()).isZero();
      client.close();
    }
  }

  @Test
  void manyCallsInFlightAndForeignRepliesIgnored() {
    foreign.set(true);
    try (BlockingConnection connection = TestBroker.connect()) {
      RpcClient client = new RpcClient(connection.channel(), rpcQueue);
      List<CompletableFuture<byte[]>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(client.callAsync(("n" + i).getBytes(StandardCharsets.UTF_8)));
      }
      for (int i = 0; i < 50; i++) {
        assertThat(new String(client.await(calls.get(i), 10), StandardCharsets.UTF_8))
            .isEqualTo("re:n" + i);
      }
    }
  }

  @Test
  void timeoutThenLateReplyIsIgnored() {
    try (BlockingConnection connection = TestBroker.connect()) {
      BlockingChannel channel = connection.channel();
      RpcClient client = new RpcClient(channel, rpcQueue);
      assertThatThrownBy(() -> client.call("slow".getBytes(StandardCharsets.UTF_8), 0.2))
          .isInstanceOf(RpcTimeoutError.class);
      assertThat(client.call("next")).isEqualTo("re:next");
    }
  }

  @Test
  void secondClientOnOneChannelFallsBackToAnExclusiveQueue() {
    try (BlockingConnection connection = TestBroker.connect()) {
      BlockingChannel channel = connection.channel();
      RpcClient first = new RpcClient(channel, rpcQueue);
      RpcClient second = new RpcClient(channel, rpcQueue);
      assertThat(first.replyQueue()).isEqualTo("amq.rabbitmq.reply-to");
      assertThat(second.replyQueue()).startsWith("amq.gen-");
      assertThat(first.call("a")).isEqualTo("re:a");
      assertThat(second.call("b")).isEqualTo("re:b");
      assertThat(channel.isOpen()).isTrue();
      first.close();
      RpcClient third = new RpcClient(channel, rpcQueue);
      assertThat(third.replyQueue()).isEqualTo("amq.rabbitmq.reply-to");
      assertThat(third.call("c")).isEqualTo("re:c");
    }
  }

  @Test
  void exclusiveReplyQueueWhenNoDirectReplyTo() {
    try (BlockingConnection connection = TestBroker.connect()) {
      BlockingChannel channel = connection.channel();
      // The plain tutorial way, for brokers without direct reply-to.
      String callbackQueue = channel.queueDeclare("", o -> o.exclusive(true)).method().queue();
      List<String> replies = new ArrayList<>();
      String corrId = "c-1";
      channel.basicConsume(
          callbackQueue,
          (ch, m, props, body) -> {
            if (corrId.equals(props.correlationId())) {
              replies.add(new String(body, StandardCharsets.UTF_8));
            }
          },
          o -> o.autoAck(true));
      channel.basicPublish(
          "",
          rpcQueue,
          "7",
          BasicProperties.builder().replyTo(callbackQueue).correlationId(corrId).build());
      while (replies.isEmpty()) {
        connection.processDataEvents();
      }
      assertThat(replies).containsExactly("re:7");
    }
  }
}
