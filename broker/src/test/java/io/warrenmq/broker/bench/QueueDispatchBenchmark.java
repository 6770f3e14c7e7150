package io.warrenmq.broker.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.warrenmq.broker.queue.Consumer;
import io.warrenmq.broker.queue.Message;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.queue.QueueEntry;
import io.warrenmq.broker.queue.QueueSettings;
import io.warrenmq.model.generated.BasicProperties;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A queue's enqueue and dispatch: one operation is one 12-byte message enqueued from the benchmark
 * thread (a publisher's event loop in the broker), handed to the queue's executor, appended to its
 * ready list and dispatched to one no-ack consumer that releases it. Messages go in bursts of
 * {@value #BURST} and each burst waits until the consumer has seen all of it, so the score is the
 * queue's sustained rate including the cross-thread hand-off, not only how fast tasks can be
 * submitted.
 *
 * <p>Each enqueue is one task on the executor (see {@link MessageQueue#enqueue}): the hand-off per
 * message that ARCHITECTURE.md asks to batch shows up here.
 *
 * <p>Not a test; run with {@code bash broker/bench-jmh.sh QueueDispatch}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class QueueDispatchBenchmark {
  private static final int BURST = 1000;

  private final AtomicLong delivered = new AtomicLong();
  private final BasicProperties properties = BasicProperties.EMPTY;
  private DefaultEventExecutor executor;
  private MessageQueue queue;
  private ByteBuf body;
  private long sent;

  @Setup
  public void setUp() {
    executor = new DefaultEventExecutor();
    queue =
        new MessageQueue(
            new QueueSettings("bench", "/", false, null, false, Map.of()), executor, q -> {});
    queue.addConsumer(new ReleasingConsumer(), false, error -> {});
    body = Unpooled.directBuffer(12).writeBytes("Hello world!".getBytes());
  }

  @TearDown
  public void tearDown() {
    queue.forceDelete();
    executor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    body.release();
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public long enqueueAndDispatch() {
    for (int i = 0; i < BURST; i++) {
      // As in the broker, each message holds a slice of the buffer its frame was read into.
      queue.enqueue(new Message("", "bench", properties, body.retainedSlice()));
    }
    sent += BURST;
    while (delivered.get() < sent) {
      Thread.onSpinWait();
    }
    return sent;
  }

  /** A no-ack consumer with unlimited credit that drops what it gets. */
  private final class ReleasingConsumer implements Consumer {
    @Override
    public String tag() {
      return "bench";
    }

    @Override
    public boolean isNoAck() {
      return true;
    }

    @Override
    public boolean tryReserve() {
      return true;
    }

    @Override
    public void deliver(MessageQueue from, QueueEntry entry) {
      entry.message().release();
      delivered.incrementAndGet();
    }

    @Override
    public void cancelledByQueue(MessageQueue from) {}
  }
}
