package io.warrenmq.broker.vhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectReplyToTest {
  private final DirectReplyTo registry = new DirectReplyTo();

  @Test
  void namesAreUniqueAndCarryThePrefix() {
    String a = registry.register((x, k, p, b) -> b.release());
    String b = registry.register((x, k, p, body) -> body.release());
    assertThat(a).startsWith(DirectReplyTo.PREFIX).isNotEqualTo(b);
    assertThat(DirectReplyTo.isReplyName(a)).isTrue();
    assertThat(DirectReplyTo.isReplyName(DirectReplyTo.QUEUE)).isFalse();
  }

  @Test
  void deliversToTheRegisteredReceiverOnly() {
    List<String> got = new ArrayList<>();
    String name =
        registry.register(
            (exchange, key, props, body) -> {
              got.add(key + ":" + body.toString(java.nio.charset.StandardCharsets.UTF_8));
              body.release();
            });
    ByteBuf body = Unpooled.copiedBuffer("hi".getBytes());
    assertThat(registry.deliver(name, "", name, null, body)).isTrue();
    assertThat(got).containsExactly(name + ":hi");
    assertThat(body.refCnt()).isZero();
  }

  @Test
  void unknownOrUnregisteredNamesAreNotDelivered() {
    String name = registry.register((x, k, p, b) -> b.release());
    registry.unregister(name);
    assertThat(registry.isRegistered(name)).isFalse();
    ByteBuf body = Unpooled.copiedBuffer("late".getBytes());
    assertThat(registry.deliver(name, "", name, null, body)).isFalse();
    assertThat(body.refCnt()).isEqualTo(1);
    body.release();
  }
}
