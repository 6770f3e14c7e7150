package io.warrenmq.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.broker.flow.MemoryWatermark.Transition;
import org.junit.jupiter.api.Test;

class MemoryWatermarkTest {

  @Test
  void raisesAtTheHighWatermarkAndClearsOnlyUnderTheLowMark() {
    MemoryWatermark watermark = new MemoryWatermark(1000, 900);
    assertThat(watermark.update(999)).isEqualTo(Transition.NONE);
    assertThat(watermark.isRaised()).isFalse();
    assertThat(watermark.update(1000)).isEqualTo(Transition.RAISED);
    assertThat(watermark.isRaised()).isTrue();
    assertThat(watermark.update(5000)).isEqualTo(Transition.NONE);
    assertThat(watermark.update(999)).isEqualTo(Transition.NONE);
    assertThat(watermark.update(900)).isEqualTo(Transition.NONE);
    assertThat(watermark.isRaised()).isTrue();
    assertThat(watermark.update(899)).isEqualTo(Transition.CLEARED);
    assertThat(watermark.isRaised()).isFalse();
    assertThat(watermark.update(950)).isEqualTo(Transition.NONE);
    assertThat(watermark.update(1200)).isEqualTo(Transition.RAISED);
  }

  @Test
  void defaultLowMarkIsFivePercentUnder() {
    MemoryWatermark watermark = new MemoryWatermark(2000);
    assertThat(watermark.low()).isEqualTo(1900);
    watermark.update(2000);
    assertThat(watermark.update(1900)).isEqualTo(Transition.NONE);
    assertThat(watermark.update(1899)).isEqualTo(Transition.CLEARED);
  }

  @Test
  void tinyWatermarkStillClearsAtZero() {
    MemoryWatermark watermark = new MemoryWatermark(1);
    assertThat(watermark.update(1)).isEqualTo(Transition.RAISED);
    assertThat(watermark.update(0)).isEqualTo(Transition.CLEARED);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new MemoryWatermark(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MemoryWatermark(10, 11))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
