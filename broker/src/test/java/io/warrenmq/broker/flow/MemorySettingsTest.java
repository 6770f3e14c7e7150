package io.warrenmq.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.broker.BrokerConfig;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MemorySettingsTest {

  @Test
  void defaultIsFortyPercentOfHeapPlusDirect() {
    MemorySettings settings = MemorySettings.DEFAULTS;
    assertThat(settings.limitBytes(1000, 1000)).isEqualTo(800);
    assertThat(settings.calculation()).isEqualTo(MemoryCalculation.JVM);
    assertThat(settings.limitBytes()).isPositive();
  }

  @Test
  void bytesOverrideWins() {
    MemorySettings settings = new MemorySettings(0.5, 4096, MemoryCalculation.JVM);
    assertThat(settings.limitBytes(1000, 1000)).isEqualTo(4096);
  }

  @Test
  void configFileKeys() {
    Properties properties = new Properties();
    properties.setProperty("memory.high_watermark", "0.25");
    properties.setProperty("memory.high_watermark.bytes", " 65536 ");
    properties.setProperty("memory.calculation_strategy", "Queued");
    MemorySettings settings = BrokerConfig.defaults().fromProperties(properties).memory();
    assertThat(settings).isEqualTo(new MemorySettings(0.25, 65536, MemoryCalculation.QUEUED));
    assertThat(BrokerConfig.defaults().fromProperties(new Properties()).memory())
        .isEqualTo(MemorySettings.DEFAULTS);
  }

  @Test
  void rejectsBadValues() {
    Properties share = new Properties();
    share.setProperty("memory.high_watermark", "1.5");
    assertThatThrownBy(() -> MemorySettings.DEFAULTS.withProperties(share))
        .isInstanceOf(IllegalArgumentException.class);
    Properties strategy = new Properties();
    strategy.setProperty("memory.calculation_strategy", "rss");
    assertThatThrownBy(() -> MemorySettings.DEFAULTS.withProperties(strategy))
        .hasMessageContaining("jvm or queued");
  }

  @Test
  void jvmGaugeCountsHeapAndAtLeastTheQueuedBytes() {
    long queued = 1L << 40;
    long used = MemoryGauge.of(MemoryCalculation.JVM, () -> queued).usedBytes();
    assertThat(used).isGreaterThan(queued);
    assertThat(MemoryGauge.of(MemoryCalculation.QUEUED, () -> 7).usedBytes()).isEqualTo(7);
  }
}
