package io.warrenmq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.BasicProperties;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelCoreTest {
  private FakePeer peer;
  private ChannelCore channel;
  private final List<String> heard = new ArrayList<>();

  @BeforeEach
  void open() {
    peer = new FakePeer(new ConnectionParameters());
    peer.handshake(0, 4096, 0);
    channel = peer.core.newChannel();
    channel.listener(
        new ChannelListener() {
          @Override
          public void onDeliver(Basic.Deliver deliver, BasicProperties properties, byte[] body) {
            heard.add("deliver:" + deliver.deliveryTag() + ":" + new String(body));
          }

          @Override
          public void onReturn(ReturnedMessage message) {
            heard.add("return:" + message.method().replyCode());
          }

          @Override
          public void onConfirm(long deliveryTag, boolean multiple, boolean ack) {
            heard.add((ack ? "ack:" : "nack:") + deliveryTag + (multiple ? "+" : ""));
          }

          @Override
          public void onBrokerCancel(String consumerTag) {
            heard.add("cancel:" + consumerTag);
          }

          @Override
          public void onClosed(Failure failure) {
            heard.add("closed:" + failure.code());
          }
        });
    CompletableFuture<Reply> opened = channel.rpc(new Channel.Open());
    assertThat(peer.nextMethod()).isEqualTo(new Channel.Open());
    peer.send(channel.number(), new Channel.OpenOk());
    assertThat(opened).isCompleted();
  }

  @AfterEach
  void close() {
    peer.close();
  }

  @Test
  void oneRequestInFlightRepliesMatchedInOrder() {
    Queue.Declare declare = new Queue.Declare("q", false, false, false, false, false, Map.of());
    CompletableFuture<Reply> first = channel.rpc(declare);
    CompletableFuture<Reply> second = channel.rpc(new Basic.Qos(0, 1, false));
    assertThat(peer.nextMethod()).isEqualTo(declare);
    assertThat(peer.nextMethod()).isNull(); // qos waits for declare-ok
    peer.send(channel.number(), new Queue.DeclareOk("q", 3, 1));
    assertThat(first.join().method()).isEqualTo(new Queue.DeclareOk("q", 3, 1));
    assertThat(peer.nextMethod()).isEqualTo(new Basic.Qos(0, 1, false));
    peer.send(channel.number(), new Basic.QosOk());
    assertThat(second).isCompleted();
  }

  @Test
  void brokerCloseFailsWaitingRequestsAndAnswersCloseOk() {
    CompletableFuture<Reply> declare =
        channel.rpc(new Queue.Declare("q", true, false, false, false, false, Map.of()));
    CompletableFuture<Reply> queued = channel.rpc(new Basic.Qos(0, 1, false));
    peer.nextMethod();
    peer.send(channel.number(), new Channel.Close(404, "NOT_FOUND - no queue 'q'", 50, 10));
    assertThat(peer.nextMethod()).isEqualTo(new Channel.CloseOk());
    assertThat(declare).isCompletedExceptionally();
    assertThat(queued).isCompletedExceptionally();
    assertThat(channel.failure().kind()).isEqualTo(Failure.Kind.CHANNEL_CLOSED_BY_BROKER);
    assertThat(channel.failure().code()).isEqualTo(404);
    assertThat(channel.rpc(new Basic.Qos(0, 1, false))).isCompletedExceptionally();
    assertThat(heard).containsExactly("closed:404");
  }

  @Test
  void clientCloseDropsEverythingButCloseOk() {
    CompletableFuture<Reply> closing = channel.rpc(new Channel.Close(200, "bye", 0, 0));
    assertThat(peer.nextMethod()).isInstanceOf(Channel.Close.class);
    peer.sendContent(
        channel.number(),
        new Basic.Deliver("c", 1, false, "", "q"),
        BasicProperties.EMPTY,
        "late".getBytes());
    peer.send(channel.number(), new Channel.CloseOk());
    assertThat(closing).isCompleted();
    assertThat(channel.failure().kind()).isEqualTo(Failure.Kind.CHANNEL_CLOSED_BY_CLIENT);
    assertThat(heard).containsExactly("closed:200");
  }

  @Test
  void closeOkRecordsTheClosedStateBeforeTheCallerWakes() {
    // BlockingChannel.close() returns when this future completes; isClosed() must be true then.
    CompletableFuture<Reply> closing = channel.rpc(new Channel.Close(200, "bye", 0, 0));
    List<Failure> seenByCaller = new ArrayList<>();
    closing.thenRun(() -> seenByCaller.add(channel.failure()));
    assertThat(peer.nextMethod()).isInstanceOf(Channel.Close.class);
    peer.send(channel.number(), new Channel.CloseOk());
    assertThat(closing).isCompleted();
    assertThat(seenByCaller).hasSize(1);
    assertThat(seenByCaller.get(0)).isNotNull();
    assertThat(seenByCaller.get(0).kind()).isEqualTo(Failure.Kind.CHANNEL_CLOSED_BY_CLIENT);
  }

  @Test
  void asyncMethodsReachTheListenerWithBodiesSplitAcrossFrames() {
    byte[] big = new byte[10_000]; // frame_max 4096: three body frames
    java.util.Arrays.fill(big, (byte) 'x');
    peer.sendContent(
        channel.number(), new Basic.Deliver("c", 7, false, "", "q"), BasicProperties.EMPTY, big);
    peer.sendContent(
        channel.number(),
        new Basic.Return(312, "NO_ROUTE", "", "nowhere"),
        BasicProperties.EMPTY,
        new byte[0]);
    peer.send(channel.number(), new Basic.Ack(5, true));
    peer.send(channel.number(), new Basic.Nack(6, false, false));
    peer.send(channel.number(), new Basic.Cancel("c", false));
    assertThat(peer.nextMethod()).isEqualTo(new Basic.CancelOk("c"));
    assertThat(heard)
        .containsExactly(
            "deliver:7:" + new String(big), "return:312", "ack:5+", "nack:6", "cancel:c");
  }

  @Test
  void flowIsAnswered() {
    peer.send(channel.number(), new Channel.Flow(false));
    assertThat(peer.nextMethod()).isEqualTo(new Channel.FlowOk(false));
  }

  @Test
  void unexpectedReplyIsAConnectionError() {
    peer.send(channel.number(), new Queue.PurgeOk(1));
    assertThat(peer.nextMethod()).isInstanceOf(Connection.Close.class);
    assertThat(peer.core.failure().code()).isEqualTo(505);
    assertThat(channel.failure()).isNotNull();
  }
}
