package io.warrenmq.broker.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.model.generated.Basic;
import org.junit.jupiter.api.Test;

class ConfirmsTest {
  @Test
  void failedStoreWriteIsNackedInItsPlaceAndNothingIsConfirmedTwice() {
    Confirms confirms = new Confirms();
    long one = confirms.next(); // transient
    long two = confirms.next();
    confirms.awaitDurable(two);
    long three = confirms.next();
    confirms.awaitDurable(three);
    long four = confirms.next(); // transient
    assertThat(confirms.flush()).containsExactly(new Basic.Ack(one, false));
    confirms.failed(two);
    confirms.durable(three);
    assertThat(confirms.flush())
        .containsExactly(new Basic.Nack(two, false, false), new Basic.Ack(four, true));
    assertThat(confirms.flush()).isEmpty();
  }

  @Test
  void nackWaitsBehindAnEarlierUnstoredMessage() {
    Confirms confirms = new Confirms();
    long one = confirms.next();
    confirms.awaitDurable(one);
    long two = confirms.next();
    confirms.awaitDurable(two);
    confirms.next();
    confirms.failed(two);
    assertThat(confirms.flush()).isEmpty();
    confirms.durable(one);
    assertThat(confirms.flush())
        .containsExactly(
            new Basic.Ack(one, false), new Basic.Nack(two, false, false), new Basic.Ack(3, false));
  }

  @Test
  void settledOffTheLoopAskForOneDrainPerRunAndAckTogether() {
    Confirms confirms = new Confirms();
    for (int i = 0; i < 100; i++) {
      confirms.awaitDurable(confirms.next());
    }
    assertThat(confirms.settledLater(1, false)).isTrue();
    for (long seq = 2; seq <= 100; seq++) {
      assertThat(confirms.settledLater(seq, seq == 50)).isFalse(); // a drain is already due
    }
    confirms.drainSettled();
    assertThat(confirms.flush())
        .containsExactly(
            new Basic.Ack(49, true), new Basic.Nack(50, false, false), new Basic.Ack(100, true));
    assertThat(confirms.settledLater(101, false)).isTrue(); // the next run schedules again
  }
}
