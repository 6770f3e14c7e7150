package io.warrenmq.examples;

import static io.warrenmq.examples.ExampleProcess.java;
import static io.warrenmq.examples.ExampleProcess.python;
import static io.warrenmq.examples.ExampleProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.URLParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every tutorial pair, run as its programs in their own processes against the broker at {@link
 * #url()}, and the Java ports talking to the pika originals. Subclasses pick the broker.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class TutorialsContract {

  /** The broker under test, as an AMQP URI. */
  abstract String url();

  @Test
  void tutorial1ReceiverGetsWhatSenderSent() throws Exception {
    purge("hello", o -> {});
    try (ExampleProcess receive = java(url(), "receive")) {
      receive.awaitLine(" [*] Waiting for messages. To exit press CTRL+C");

      assertThat(run(java(url(), "send"))).containsExactly(" [x] Sent 'Hello World!'");

      receive.awaitLine(" [x] Received Hello World!");
    }
  }

  @Test
  void tutorial2WorkersShareTasksRoundRobin() throws Exception {
    purge("task_queue", o -> o.durable(true));
    try (ExampleProcess first = java(url(), "worker");
        ExampleProcess second = java(url(), "worker")) {
      awaitConsumers("task_queue", 2);

      for (String task : List.of("task-1", "task-2", "task-3", "task-4")) {
        assertThat(run(java(url(), "new_task", task))).containsExactly(" [x] Sent " + task);
      }

      awaitDone(4, first, second);
      assertThat(received(first)).hasSize(2);
      assertThat(received(second)).hasSize(2);
      assertThat(received(first)).doesNotContainAnyElementsOf(received(second));
    }
  }

  @Test
  void tutorial2BusyWorkerGetsNoMoreThanOneTaskWithPrefetchOne() throws Exception {
    purge("task_queue", o -> o.durable(true));
    try (ExampleProcess first = java(url(), "worker");
        ExampleProcess second = java(url(), "worker")) {
      awaitConsumers("task_queue", 2);

      run(java(url(), "new_task", "Heavy", "task.."));
      List<ExampleProcess> lights = new ArrayList<>();
      for (String task : List.of("light-1", "light-2", "light-3")) {
        lights.add(java(url(), "new_task", task));
      }
      for (ExampleProcess light : lights) {
        run(light);
      }

      awaitDone(4, first, second);
      ExampleProcess busy = received(first).contains("Heavy task..") ? first : second;
      ExampleProcess idle = busy == first ? second : first;
      assertThat(received(busy)).containsExactly("Heavy task..");
      assertThat(received(idle)).containsExactlyInAnyOrder("light-1", "light-2", "light-3");
    }
  }

  @Test
  void tutorial3EveryLogReceiverGetsEveryMessage() throws Exception {
    try (ExampleProcess first = java(url(), "receive_logs");
        ExampleProcess second = java(url(), "receive_logs")) {
      first.awaitLine(" [*] Waiting for logs. To exit press CTRL+C");
      second.awaitLine(" [*] Waiting for logs. To exit press CTRL+C");

      assertThat(run(java(url(), "emit_log", "warning:", "disk", "full")))
          .containsExactly(" [x] Sent warning: disk full");
      assertThat(run(java(url(), "emit_log"))).containsExactly(" [x] Sent info: Hello World!");

      for (ExampleProcess receiver : List.of(first, second)) {
        receiver.awaitLine(" [x] info: Hello World!");
        assertThat(receiver.lines())
            .containsSubsequence(" [x] warning: disk full", " [x] info: Hello World!");
      }
    }
  }

  @Test
  void tutorial4DirectReceiversGetExactlyTheirSeverities() throws Exception {
    try (ExampleProcess problems = java(url(), "receive_logs_direct", "warning", "error");
        ExampleProcess infos = java(url(), "receive_logs_direct", "info")) {
      problems.awaitLine(" [*] Waiting for logs. To exit press CTRL+C");
      infos.awaitLine(" [*] Waiting for logs. To exit press CTRL+C");

      // Unselected first: once the last selected message is in, the others would have been too.
      run(java(url(), "emit_log_direct", "debug", "nobody", "listens"));
      run(java(url(), "emit_log_direct", "warning", "careful"));
      assertThat(run(java(url(), "emit_log_direct")))
          .containsExactly(" [x] Sent info:Hello World!");
      run(java(url(), "emit_log_direct", "error", "Run.", "Run.", "Or", "it", "will", "explode."));

      List<String> expectedProblems =
          List.of(" [x] warning:careful", " [x] error:Run. Run. Or it will explode.");
      problems.awaitLines(l -> l.containsAll(expectedProblems), "warning and error");
      infos.awaitLine(" [x] info:Hello World!");
      assertThat(logLines(problems)).containsExactlyElementsOf(expectedProblems);
      assertThat(logLines(infos)).containsExactly(" [x] info:Hello World!");
    }
  }

  @Test
  void tutorial5TopicReceiversGetExactlyWhatTheirPatternsSelect() throws Exception {
    try (ExampleProcess critical = java(url(), "receive_logs_topic", "*.critical");
        ExampleProcess kernel = java(url(), "receive_logs_topic", "kern.#")) {
      critical.awaitLine(" [*] Waiting for logs. To exit press CTRL+C");
      kernel.awaitLine(" [*] Waiting for logs. To exit press CTRL+C");

      assertThat(run(java(url(), "emit_log_topic")))
          .containsExactly(" [x] Sent anonymous.info:Hello World!");
      run(java(url(), "emit_log_topic", "cron.critical", "cron", "is", "down"));
      run(java(url(), "emit_log_topic", "kern.info.disk", "disk ok"));
      run(java(url(), "emit_log_topic", "kern", "bare"));
      run(java(url(), "emit_log_topic", "kern.critical", "A critical kernel error"));

      critical.awaitLine(" [x] kern.critical:A critical kernel error");
      kernel.awaitLine(" [x] kern.critical:A critical kernel error");
      assertThat(logLines(critical))
          .containsExactly(
              " [x] cron.critical:cron is down", " [x] kern.critical:A critical kernel error");
      assertThat(logLines(kernel))
          .containsExactly(
              " [x] kern.info.disk:disk ok",
              " [x] kern:bare",
              " [x] kern.critical:A critical kernel error");
    }
  }

  @Test
  void tutorial6RpcClientGetsFib30() throws Exception {
    purge("rpc_queue", o -> {});
    try (ExampleProcess server = java(url(), "rpc_server")) {
      server.awaitLine(" [x] Awaiting RPC requests");

      assertThat(run(java(url(), "rpc_client")))
          .containsExactly(" [x] Requesting fib(30)", " [.] Got 832040");
      assertThat(server.lines()).contains(" [.] fib(30)");
    }
  }

  @Test
  void tutorial7PublisherConfirmsReportEveryMessageConfirmed() throws Exception {
    ExampleProcess confirms = java(url(), "publisher_confirms", "500");
    List<String> lines = run(confirms);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("Published 500 messages individually in [\\d,]+ ms");
    assertThat(lines.get(1)).matches("Published 500 messages in batch in [\\d,]+ ms");
    assertThat(lines.get(2))
        .matches("Published 500 messages and handled confirms asynchronously in [\\d,]+ ms");
    assertThat(confirms.errors()).noneMatch(l -> l.contains("nack-ed"));
  }

  @Test
  void pikaSendToJavaReceive() throws Exception {
    Pika.python();
    purge("hello", o -> {});
    try (ExampleProcess receive = java(url(), "receive")) {
      receive.awaitLine(" [*] Waiting for messages. To exit press CTRL+C");

      assertThat(run(python(url(), "send"))).containsExactly(" [x] Sent 'Hello World!'");

      receive.awaitLine(" [x] Received Hello World!");
    }
  }

  @Test
  void javaNewTaskToPikaWorker() throws Exception {
    Pika.python();
    purge("task_queue", o -> o.durable(true));
    try (ExampleProcess worker = python(url(), "worker")) {
      awaitConsumers("task_queue", 1);

      assertThat(run(java(url(), "new_task", "From", "Java.")))
          .containsExactly(" [x] Sent From Java.");

      worker.awaitLine(" [x] Done");
      assertThat(worker.lines()).containsSubsequence(" [x] Received From Java.", " [x] Done");
    }
  }

  @Test
  void javaRpcClientToPikaRpcServer() throws Exception {
    Pika.python();
    purge("rpc_queue", o -> {});
    try (ExampleProcess server = python(url(), "rpc_server")) {
      server.awaitLine(" [x] Awaiting RPC requests");

      assertThat(run(java(url(), "rpc_client")))
          .containsExactly(" [x] Requesting fib(30)", " [.] Got 832040");
      server.awaitLine(" [.] fib(30)");
    }
  }

  /**
   * Declares {@code queue} as the examples do and empties it (RabbitMQ keeps queues between runs).
   */
  void purge(String queue, java.util.function.Consumer<io.warrenmq.client.QueueDeclareOptions> o) {
    try (BlockingConnection connection = new BlockingConnection(new URLParameters(url()))) {
      BlockingChannel channel = connection.channel();
      channel.queueDeclare(queue, o);
      channel.queuePurge(queue);
    }
  }

  /** Waits until {@code queue} has {@code count} consumers (the workers print before consuming). */
  void awaitConsumers(String queue, long count) throws InterruptedException {
    long deadline = System.nanoTime() + ExampleProcess.WAIT.toNanos();
    try (BlockingConnection connection = new BlockingConnection(new URLParameters(url()))) {
      BlockingChannel channel = connection.channel();
      while (channel.queueDeclare(queue, o -> o.passive(true)).consumerCount() < count) {
        assertThat(System.nanoTime()).as("%d consumers on %s", count, queue).isLessThan(deadline);
        Thread.sleep(20);
      }
    }
  }

  private static void awaitDone(int tasks, ExampleProcess first, ExampleProcess second)
      throws InterruptedException {
    long deadline = System.nanoTime() + ExampleProcess.WAIT.toNanos();
    while (done(first) + done(second) < tasks) {
      assertThat(System.nanoTime())
          .as("%d tasks done; first=%s second=%s", tasks, first.lines(), second.lines())
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static long done(ExampleProcess worker) {
    return worker.lines().stream().filter(" [x] Done"::equals).count();
  }

  private static List<String> received(ExampleProcess worker) {
    return worker.lines().stream()
        .filter(l -> l.startsWith(" [x] Received "))
        .map(l -> l.substring(" [x] Received ".length()))
        .toList();
  }

  private static List<String> logLines(ExampleProcess receiver) {
    return receiver.lines().stream().filter(l -> l.startsWith(" [x] ")).toList();
  }
}
