package io.warrenmq.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/** The leak check that guards every other test really sees a leak. */
class LeakDetectionTest {

  @Test
  void runsAtParanoidLevel() {
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
  }

  @Test
  void aForgottenBufferIsReported() {
    LeakDetection.collectLeaks();
    leakOneBuffer();
    assertThat(LeakDetection.collectLeaks()).isNotEmpty();
  }

  private static void leakOneBuffer() {
    ByteBuf forgotten = PooledByteBufAllocator.DEFAULT.directBuffer(16);
    forgotten.writeInt(42);
  }
}
