package io.warrenmq.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.flow.LiveHeap.Space;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory alarm's heap reading leaves out garbage that no collection has cleared yet. */
class LiveHeapTest {
  @Test
  void generationalHeapCountsSurvivorAndOldSpacesButNotEden() {
    long live =
        LiveHeap.bytes(
            List.of(
                new Space("G1 Eden Space", 500, 0),
                new Space("G1 Old Gen", 100, 90),
                new Space("G1 Survivor Space", 10, 10)));
    assertThat(live).isEqualTo(110); // old gen now: large objects go there without a collection
  }

  @Test
  void singleSpaceHeapCountsWhatItHeldAfterItsLastCycle() {
    assertThat(LiveHeap.bytes(List.of(new Space("ZHeap", 400, 40)))).isEqualTo(40);
    assertThat(LiveHeap.bytes(List.of(new Space("Shenandoah", 400, -1)))).isEqualTo(400);
  }

  @Test
  void thisJvmsReadingIsWithinItsHeap() {
    long live = LiveHeap.bytes();
    assertThat(live).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
  }

  @Test
  void garbageAllocatedSinceTheLastCollectionIsNotCounted() {
    System.gc(); // a baseline collection (the test JVM does not disable explicit GC)
    long before = LiveHeap.bytes();
    long sink = 0;
    // 16 MiB of small, short-lived arrays: eden, unless a collection runs meanwhile, which
    // would only clear them.
    for (int i = 0; i < 16 * 1024; i++) {
      byte[] garbage = new byte[1024];
      sink += garbage.length;
    }
    assertThat(sink).isEqualTo(16L * 1024 * 1024);
    assertThat(LiveHeap.bytes()).isLessThan(before + 8L * 1024 * 1024);
  }
}
