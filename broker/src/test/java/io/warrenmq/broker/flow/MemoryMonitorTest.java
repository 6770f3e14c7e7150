package io.warrenmq.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoryMonitorTest {
  private final AtomicLong used = new AtomicLong();
  private final AtomicReference<MemoryMonitor> self = new AtomicReference<>();

  /** The alarm flag as each notification saw it: connections read it when told to recheck. */
  private final List<Boolean> notified = new ArrayList<>();

  private final MemoryMonitor monitor =
      new MemoryMonitor(
          used::get, new MemoryWatermark(100, 90), () -> notified.add(self.get().isRaised()));

  MemoryMonitorTest() {
    self.set(monitor);
  }

  @Test
  void notifiesOnlyOnTransitionsWithTheFlagAlreadySet() {
    used.set(50);
    monitor.check();
    assertThat(notified).isEmpty();
    used.set(150);
    monitor.check();
    monitor.check();
    assertThat(monitor.isRaised()).isTrue();
    used.set(95);
    monitor.check();
    assertThat(monitor.isRaised()).isTrue();
    used.set(10);
    monitor.check();
    assertThat(monitor.isRaised()).isFalse();
    assertThat(notified).containsExactly(true, false);
  }

  @Test
  void startsQuiet() {
    assertThat(monitor.isRaised()).isFalse();
    monitor.check();
    assertThat(notified).isEmpty();
  }
}
