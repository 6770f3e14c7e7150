package io.warrenmq.broker.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.model.AmqpException;
import io.warrenmq.model.generated.ReplyCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The ring of unacked deliveries: single, multiple and all-at-once takes in delivery order, unknown
 * tags, gaps left by untracked (auto-ack) tags, and holes from out-of-order acks.
 */
class UnackedMapTest {
  private final UnackedMap map = new UnackedMap();
  private long made;

  @Test
  void takesOneTagOrEveryTagUpToItInDeliveryOrder() {
    List<Unacked> d = track(1, 2, 3, 4, 5);

    assertThat(map.take(3, false)).containsExactly(d.get(2));
    assertThat(map.take(4, true)).containsExactly(d.get(0), d.get(1), d.get(3));
    assertThat(map.oldest()).isSameAs(d.get(4));
    assertThat(map.size()).isEqualTo(1);
    assertThat(map.take(0, true)).containsExactly(d.get(4));
    assertThat(map.oldest()).isNull();
  }

  @Test
  void unknownOrAlreadySettledTagsAre406() {
    track(1, 2, 3);
    map.take(2, false);

    for (long tag : new long[] {2, 0, 4, 99}) {
      assertThatThrownBy(() -> map.take(tag, false))
          .isInstanceOfSatisfying(
              AmqpException.class,
              e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.PRECONDITION_FAILED));
    }
    assertThatThrownBy(() -> map.take(2, true)).isInstanceOf(AmqpException.class);
    assertThat(map.size()).isEqualTo(2);
  }

  @Test
  void findsTagsAcrossGapsOfUntrackedTags() {
    List<Unacked> d = track(2, 3, 7, 8, 20);

    assertThat(map.take(7, false)).containsExactly(d.get(2));
    assertThat(map.take(20, false)).containsExactly(d.get(4));
    assertThat(map.take(8, true)).containsExactly(d.get(0), d.get(1), d.get(3));
    assertThat(map.size()).isZero();
  }

  @Test
  void aNeverAckedOldestDeliveryDoesNotLetHolesPileUp() {
    Unacked first = delivery();
    map.put(1, first);
    for (long tag = 2; tag < 100_000; tag++) {
      map.put(tag, delivery());
      map.take(tag, false);
    }
    assertThat(map.size()).isEqualTo(1);
    assertThat(map.oldest()).isSameAs(first);
    assertThat(map.peekAll()).containsExactly(first);
  }

  @Test
  void behavesAsASortedMapUnderRandomTracksAndTakes() {
    Random random = new Random(42);
    TreeMap<Long, Unacked> model = new TreeMap<>();
    long tag = 0;
    for (int step = 0; step < 50_000; step++) {
      int action = random.nextInt(10);
      if (action < 5 || model.isEmpty()) {
        tag += 1 + (random.nextInt(4) == 0 ? random.nextInt(5) : 0);
        Unacked delivery = delivery();
        map.put(tag, delivery);
        model.put(tag, delivery);
      } else {
        List<Long> tags = new ArrayList<>(model.keySet());
        long chosen = tags.get(random.nextInt(tags.size()));
        boolean multiple = action == 9;
        List<Unacked> expected = new ArrayList<>();
        if (multiple) {
          expected.addAll(model.headMap(chosen, true).values());
          model.headMap(chosen, true).clear();
        } else {
          expected.add(model.remove(chosen));
        }
        assertThat(map.take(chosen, multiple)).containsExactlyElementsOf(expected);
      }
      assertThat(map.size()).isEqualTo(model.size());
      assertThat(map.oldest()).isSameAs(model.isEmpty() ? null : model.firstEntry().getValue());
    }
    assertThat(map.takeAll()).containsExactlyElementsOf(model.values());
  }

  @Test
  void aTagBelowTheNewestIsRefused() {
    track(5);
    assertThatThrownBy(() -> map.put(5, delivery())).isInstanceOf(IllegalArgumentException.class);
  }

  private List<Unacked> track(long... tags) {
    List<Unacked> tracked = new ArrayList<>();
    for (long tag : tags) {
      Unacked delivery = delivery();
      map.put(tag, delivery);
      tracked.add(delivery);
    }
    return tracked;
  }

  /** Distinct by value too (records compare by value): each carries its own number. */
  private Unacked delivery() {
    return new Unacked(null, null, null, ++made);
  }
}
