package io.warrenmq.examples;

import static io.warrenmq.examples.ExampleProcess.java;
import static io.warrenmq.examples.ExampleProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.cli.Warrenctl;
import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.GetResponse;
import io.warrenmq.client.URLParameters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed scenario of tutorial 2 (work queues) with an operator policy on {@code task_queue}, set
 * with warrenctl and unknown to the programs: {@code max-length} 2 with a dead-letter exchange.
 * Four tasks sent while no worker runs leave the newest two for the worker; the two oldest are
 * dead-lettered to {@code task_overflow} instead of being lost. Its own broker, so the policy
 * cannot reach other tests.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkQueuesWithPolicyIT {

  @Test
  void maxLengthPolicyDeadLettersTheOldestTasks() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      String url = broker.uri();
      try (BlockingConnection connection = new BlockingConnection(new URLParameters(url))) {
        connection.channel().queueDeclare("task_overflow", o -> o.durable(true));
      }
      assertThat(
              warrenctl(
                  broker,
                  "set_policy",
                  "--apply-to",
                  "queues",
                  "task-limit",
                  "^task_queue$",
                  "{\"max-length\":2,\"dead-letter-exchange\":\"\","
                      + "\"dead-letter-routing-key\":\"task_overflow\"}"))
          .isZero();

      for (String task : List.of("task-1", "task-2", "task-3", "task-4")) {
        assertThat(run(java(url, "new_task", task))).containsExactly(" [x] Sent " + task);
      }

      try (ExampleProcess worker = java(url, "worker")) {
        worker.awaitLine(" [x] Received task-3");
        worker.awaitLine(" [x] Received task-4");
        awaitDone(worker, 2);
        assertThat(worker.lines()).doesNotContain(" [x] Received task-1", " [x] Received task-2");
      }
      assertThat(deadLettered(url)).containsExactly("task-1", "task-2");
    }
  }

  private static int warrenctl(EmbeddedBroker broker, String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return Warrenctl.run(
        args,
        Map.of("WARRENCTL_HOST", "127.0.0.1", "WARRENCTL_PORT", "" + broker.managementPort()),
        out,
        out);
  }

  private static void awaitDone(ExampleProcess worker, int tasks) throws InterruptedException {
    long deadline = System.nanoTime() + ExampleProcess.WAIT.toNanos();
    while (worker.lines().stream().filter(" [x] Done"::equals).count() < tasks) {
      assertThat(System.nanoTime()).as("worker: %s", worker.lines()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static List<String> deadLettered(String url) {
    List<String> bodies = new ArrayList<>();
    try (BlockingConnection connection = new BlockingConnection(new URLParameters(url))) {
      BlockingChannel channel = connection.channel();
      for (GetResponse got;
          (got = channel.basicGet("task_overflow", o -> o.autoAck(true))) != null; ) {
        bodies.add(new String(got.body(), StandardCharsets.UTF_8));
      }
    }
    return bodies;
  }
}
