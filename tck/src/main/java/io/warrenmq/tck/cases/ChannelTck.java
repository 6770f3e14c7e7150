package io.warrenmq.tck.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.ChannelWrongStateError;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Queue;
import io.warrenmq.tck.Errors;
import io.warrenmq.tck.RawConnection;
import io.warrenmq.tck.SpecRule;
import io.warrenmq.tck.Tck;
import io.warrenmq.tck.TckBroker;
import io.warrenmq.tck.Wait;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Channels: open, close, independence, and the 504 channel errors. */
@Tck
@Tag("channels")
class ChannelTck {

  @Test
  @SpecRule(section = "1.5.2.1", text = "channel.open is answered with open-ok")
  void openAndClose(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel ch = connection.channel();
    assertThat(ch.isOpen()).isTrue();
    ch.close();
    Wait.until("the channel to report closed", ch::isClosed);
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "1.5.2.5", text = "once close() returned, the channel reports closed")
  void closeReportsClosedAtOnce(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    ch.close();
    assertThat(ch.isClosed()).isTrue();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  @SpecRule(section = "1.4.2.6", text = "a connection carries 1000+ channels at once")
  void moreThanAThousandChannels(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    String q = broker.queue("many-channels");
    connection.channel().queueDeclare(q);
    Set<Integer> numbers = new HashSet<>();
    List<BlockingChannel> channels = new java.util.ArrayList<>();
    for (int i = 0; i < 1100; i++) {
      BlockingChannel ch = connection.channel();
      numbers.add(ch.channelNumber());
      channels.add(ch);
    }
    assertThat(numbers).hasSize(1100);
    for (BlockingChannel ch : channels) {
      ch.basicPublish("", q, "m" + ch.channelNumber());
    }
    BlockingChannel last = channels.get(channels.size() - 1);
    // Publishes on 1100 channels are routed concurrently: poll the count.
    Wait.until(
        "1100 messages", () -> last.queueDeclare(q, o -> o.passive(true)).messageCount() == 1100);
    for (BlockingChannel ch : channels) {
      ch.close();
    }
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  @SpecRule(section = "1.5", text = "an error on one channel leaves the others open")
  void channelErrorDoesNotAffectSiblings(TckBroker broker) {
    BlockingConnection connection = broker.connect();
    BlockingChannel good = connection.channel();
    BlockingChannel bad = connection.channel();
    Errors.channelError(
        bad, 404, () -> bad.queueDeclare(TckBroker.unique("missing"), o -> o.passive(true)));
    String q = broker.queue("sibling");
    good.queueDeclare(q);
    good.basicPublish("", q, "still here");
    assertThat(good.basicGet(q, o -> o.autoAck(true)).bodyAsString()).isEqualTo("still here");
  }

  @Test
  @SpecRule(section = "1.5.2.5", text = "after the broker closed a channel, further use fails")
  void closedChannelCannotBeUsed(TckBroker broker) {
    BlockingChannel ch = broker.channel();
    Errors.channelError(
        ch, 404, () -> ch.queueDeclare(TckBroker.unique("missing"), o -> o.passive(true)));
    assertThatThrownBy(() -> ch.basicPublish("", "x", "y"))
        .isInstanceOf(ChannelWrongStateError.class);
  }

  @Test
  @SpecRule(section = "1.5.2.1", text = "a method on a channel never opened: 504 CHANNEL_ERROR")
  void methodOnUnopenedChannelIsChannelError(TckBroker broker) {
    RawConnection raw = broker.raw();
    raw.send(5, declare("x"));
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(504);
  }

  @Test
  @SpecRule(section = "1.5.2.1", text = "opening an already open channel: 504 CHANNEL_ERROR")
  void secondOpenIsChannelError(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Channel.Open());
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(504);
  }

  @Test
  @SpecRule(section = "1.5.2.5", text = "a method on a channel the broker closed: 504")
  void methodOnChannelClosedByBrokerIsChannelError(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, passiveDeclare(TckBroker.unique("missing")));
    assertThat(raw.expectChannelClose(1).replyCode()).isEqualTo(404);
    raw.send(1, declare("x"));
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(504);
  }

  @Test
  @SpecRule(section = "1.5.2.5", text = "a method on a channel the client closed: 504")
  void methodOnChannelClosedByClientIsChannelError(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Channel.Close(200, "done", 0, 0));
    raw.expect(1, Channel.CloseOk.class);
    raw.send(1, declare("x"));
    assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(504);
  }

  @Test
  @SpecRule(section = "1.5.2.5", text = "a closed channel number can be opened again")
  void channelNumberCanBeReopened(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Channel.Close(200, "done", 0, 0));
    raw.expect(1, Channel.CloseOk.class);
    raw.openChannel(1);
    raw.send(1, passiveDeclareExchange("amq.direct"));
    assertThat(raw.nextMethod().method())
        .isInstanceOf(io.warrenmq.model.generated.Exchange.DeclareOk.class);
  }

  @Test
  @SpecRule(section = "1.5.2.3", text = "channel.flow active=true is confirmed with flow-ok")
  void flowActiveIsConfirmed(TckBroker broker) {
    RawConnection raw = broker.raw().openChannel(1);
    raw.send(1, new Channel.Flow(true));
    assertThat(raw.expect(1, Channel.FlowOk.class).active()).isTrue();
  }

  @Test
  @SpecRule(section = "1.5", text = "channels of one connection publish concurrently")
  void channelsPublishConcurrently(TckBroker broker) throws Exception {
    BlockingConnection connection = broker.connect();
    String q = broker.queue("concurrent");
    connection.channel().queueDeclare(q);
    List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      BlockingChannel ch = connection.channel();
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 250; i++) {
                  ch.basicPublish("", q, "m");
                }
                ch.close(); // close-ok comes after all publishes: they have been processed
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    BlockingChannel check = connection.channel();
    Wait.until(
        "1000 messages", () -> check.queueDeclare(q, o -> o.passive(true)).messageCount() == 1000);
  }

  private static Queue.Declare declare(String name) {
    return new Queue.Declare(TckBroker.unique(name), false, false, true, true, false, Map.of());
  }

  private static Queue.Declare passiveDeclare(String name) {
    return new Queue.Declare(name, true, false, false, false, false, Map.of());
  }

  private static io.warrenmq.model.generated.Exchange.Declare passiveDeclareExchange(String name) {
    return new io.warrenmq.model.generated.Exchange.Declare(
        name, "direct", true, false, false, false, false, Map.of());
  }
}
