package io.warrenmq.broker.store.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.store.StoreRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive offset table behaves as a map, through growth and backward-shift deletion. */
class RefTableTest {
  @Test
  void behavesAsAMapUnderRandomOperations() {
    Random random = new Random(7);
    RefTable table = new RefTable();
    Map<Integer, StoreRef> expected = new HashMap<>();
    for (int round = 0; round < 200_000; round++) {
      int offset = 8 + random.nextInt(5000) * 16;
      if (random.nextInt(3) == 0) {
        assertThat(table.remove(offset)).isSameAs(expected.remove(offset));
      } else {
        StoreRef ref = new StoreRef(1, offset);
        table.put(offset, ref);
        expected.put(offset, ref);
      }
      if (round % 997 == 0) {
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((key, ref) -> assertThat(table.get(key)).isSameAs(ref));
      }
    }
    assertThat(table.sortedOffsets())
        .containsExactly(expected.keySet().stream().sorted().mapToInt(i -> i).toArray());
    expected.keySet().forEach(table::remove);
    assertThat(table.isEmpty()).isTrue();
    assertThat(table.get(8)).isNull();
  }
}
