package io.warrenmq.tck.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import io.warrenmq.tck.SpecRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial scenarios run by pika (python3-pika 1.x) against the in-process WarrenMQ. Each
 * script in {@code src/test/resources/pika} takes the AMQP URL as its argument, asserts, and prints
 * OK. Skipped, with the reason, when no python3 with pika is found ({@code TCK_PYTHON} names one
 * explicitly; pyenv shims often hide Debian's /usr/bin/python3, which has python3-pika).
 */
@Tag("interop")
@ExtendWith(WarrenBrokerExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PikaIT {
  private static final long SCRIPT_TIMEOUT_SECONDS = 60;
  private static Optional<String> python;

  @TempDir static Path scripts;

  @BeforeAll
  static void findPython() throws IOException {
    List<String> candidates = new ArrayList<>();
    String explicit = System.getenv("TCK_PYTHON");
    if (explicit != null && !explicit.isBlank()) {
      candidates.add(explicit);
    }
    candidates.add("python3");
    candidates.add("/usr/bin/python3");
    python = candidates.stream().filter(PikaIT::hasPika).findFirst();
    for (String name : new String[] {"work_queue.py", "fanout.py", "routing.py", "rpc.py"}) {
      try (InputStream in = PikaIT.class.getResourceAsStream("/pika/" + name)) {
        Files.copy(in, scripts.resolve(name));
      }
    }
  }

  private static boolean hasPika(String executable) {
    try {
      Process p =
          new ProcessBuilder(executable, "-c", "import pika").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run(String script, EmbeddedBroker broker) throws Exception {
    assumeTrue(
        python.isPresent(),
        "no python3 with pika found (tried TCK_PYTHON, python3, /usr/bin/python3);"
            + " install Debian's python3-pika");
    Process p =
        new ProcessBuilder(python.get(), scripts.resolve(script).toString(), broker.uri())
            .redirectErrorStream(true)
            .start();
    // Read on another thread, so a hung script still hits the timeout below.
    var output = new java.util.concurrent.CompletableFuture<String>();
    Thread reader =
        new Thread(
            () -> {
              try {
                output.complete(
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.completeExceptionally(e);
              }
            });
    reader.start();
    boolean finished = p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String out = output.get(10, TimeUnit.SECONDS);
    assertThat(finished)
        .as("%s finished within %d s; output:%n%s", script, SCRIPT_TIMEOUT_SECONDS, out)
        .isTrue();
    assertThat(p.exitValue()).as("%s exit status; output:%n%s", script, out).isZero();
    assertThat(out).contains("OK");
  }

  @Test
  @SpecRule(
      section = "tutorial 2",
      text = "work queue: two workers, a killed worker's task redelivered")
  void workQueue(EmbeddedBroker broker) throws Exception {
    run("work_queue.py", broker);
  }

  @Test
  @SpecRule(section = "tutorial 3", text = "fanout to two receivers with exclusive queues")
  void fanout(EmbeddedBroker broker) throws Exception {
    run("fanout.py", broker);
  }

  @Test
  @SpecRule(section = "tutorials 4 and 5", text = "direct and topic routing")
  void routing(EmbeddedBroker broker) throws Exception {
    run("routing.py", broker);
  }

  @Test
  @SpecRule(section = "tutorial 6", text = "RPC with a callback queue and correlation ids")
  void rpc(EmbeddedBroker broker) throws Exception {
    run("rpc.py", broker);
  }
}
