package io.warrenmq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.client.ChannelClosedByBroker;
import io.warrenmq.client.ConfirmTimeoutError;
import io.warrenmq.client.NackError;
import io.warrenmq.client.ReturnedMessage;
import io.warrenmq.client.UnroutableError;
import io.warrenmq.model.generated.BasicProperties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The spin-then-park wait for publisher confirms, with a second thread playing the I/O thread. */
@Timeout(10)
class ConfirmTrackerTest {
  private final ConfirmTracker tracker = new ConfirmTracker();
  private final ReturnedMessage message =
      new ReturnedMessage(null, BasicProperties.EMPTY, new byte[0]);

  private CompletableFuture<Void> awaitAsync(long sequence) {
    return CompletableFuture.runAsync(() -> tracker.await(sequence, message));
  }

  /** Lets the waiter get past its spin and park before the "I/O thread" answers. */
  private static void pause() throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(50);
  }

  @Test
  void ackWakesAParkedWaiterAndStaleAcksAreIgnored() throws Exception {
    tracker.next();
    tracker.onConfirm(1, false, true);
    tracker.await(1, message); // already acked: returns at once
    long second = tracker.next();
    CompletableFuture<Void> waiting = awaitAsync(second);
    pause();
    tracker.onConfirm(1, false, true); // an older tag does not count
    pause();
    assertThat(waiting).isNotDone();
    tracker.onConfirm(second, false, true);
    waiting.get(5, TimeUnit.SECONDS);
  }

  @Test
  void multipleAckCoversTheAwaitedTag() throws Exception {
    tracker.next();
    long sequence = tracker.next();
    CompletableFuture<Void> waiting = awaitAsync(sequence);
    tracker.onConfirm(sequence + 3, true, true);
    waiting.get(5, TimeUnit.SECONDS);
  }

  @Test
  void nackAndReturnFailThePublish() throws Exception {
    long first = tracker.next();
    CompletableFuture<Void> nacked = awaitAsync(first);
    pause();
    tracker.onConfirm(first, false, false);
    assertThatThrownBy(() -> nacked.join()).hasCauseInstanceOf(NackError.class);

    long second = tracker.next();
    tracker.onReturn(message);
    tracker.onConfirm(second, false, true);
    assertThatThrownBy(() -> tracker.await(second, message)).isInstanceOf(UnroutableError.class);

    long third = tracker.next(); // a new publish starts without the old return
    tracker.onConfirm(third, false, true);
    tracker.await(third, message);
  }

  @Test
  void awaitAllWaitsForEveryOutstandingSequenceNumber() throws Exception {
    for (int i = 0; i < 5; i++) {
      tracker.next(message);
    }
    assertThat(tracker.nextSequence()).isEqualTo(6);
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> tracker.awaitAll(Long.MAX_VALUE, true));
    tracker.onConfirm(3, true, true);
    tracker.onConfirm(5, false, true); // out of order: 4 still outstanding
    pause();
    assertThat(waiting).isNotDone();
    tracker.onConfirm(4, false, true);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(tracker.awaitAll(0, true)).isTrue(); // nothing outstanding: returns at once
  }

  @Test
  void awaitAllReportsNacksAndReturnsOnce() {
    ReturnedMessage second = new ReturnedMessage(null, BasicProperties.EMPTY, new byte[] {2});
    ReturnedMessage third = new ReturnedMessage(null, BasicProperties.EMPTY, new byte[] {3});
    tracker.next(message);
    tracker.next(second);
    tracker.next(third);
    tracker.onConfirm(1, false, true);
    tracker.onConfirm(3, true, false); // nacks 2 and 3
    assertThatThrownBy(() -> tracker.awaitAll(Long.MAX_VALUE, true))
        .isInstanceOfSatisfying(
            NackError.class, e -> assertThat(e.messages()).containsExactly(second, third));
    assertThat(tracker.awaitAll(0, true)).isTrue(); // reported once

    tracker.next(message);
    tracker.onConfirm(4, false, false);
    assertThat(tracker.awaitAll(0, false)).isFalse(); // the boolean form

    tracker.next(message);
    tracker.onReturn(message);
    tracker.onConfirm(5, false, true);
    assertThatThrownBy(() -> tracker.awaitAll(0, true)).isInstanceOf(UnroutableError.class);
  }

  @Test
  void awaitAllTimesOut() {
    tracker.next(message);
    assertThatThrownBy(() -> tracker.awaitAll(50_000_000L, true))
        .isInstanceOf(ConfirmTimeoutError.class);
    tracker.onConfirm(1, false, true);
    assertThat(tracker.awaitAll(0, true)).isTrue();
  }

  @Test
  void closingTheChannelFailsTheWaiter() throws Exception {
    long sequence = tracker.next();
    CompletableFuture<Void> waiting = awaitAsync(sequence);
    pause();
    tracker.onClosed(Failure.of(Failure.Kind.CHANNEL_CLOSED_BY_BROKER, 404, "NOT_FOUND"));
    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ChannelClosedByBroker.class);
  }
}
