package io.warrenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One example program running in its own process, as a user runs it: broker from {@code AMQP_URL},
 * output read line by line. {@link #close()} stops it the way Ctrl-C would (a signal), so the
 * long-running receivers need nothing test-specific.
 */
final class ExampleProcess implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  private ExampleProcess(String name, List<String> command, String amqpUrl) throws IOException {
    this.name = name;
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("AMQP_URL", amqpUrl);
    builder.environment().put("PYTHONUNBUFFERED", "1");
    this.process = builder.start();
    pump(process.getInputStream(), out, name + "-out");
    pump(process.getErrorStream(), err, name + "-err");
  }

  /** Starts {@code java ... Examples <name> args}: the Java port, through the jar's dispatcher. */
  static ExampleProcess java(String amqpUrl, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Examples.class.getName());
    command.add(name);
    command.addAll(List.of(args));
    return new ExampleProcess(name + ".java", command, amqpUrl);
  }

  /** Starts the pika original {@code <name>.py} from the test resources. */
  static ExampleProcess python(String amqpUrl, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Pika.python());
    command.add("-u");
    command.add(Pika.script(name).toString());
    command.addAll(List.of(args));
    return new ExampleProcess(name + ".py", command, amqpUrl);
  }

  /** Runs a program that ends by itself (a sender) and returns its output once it exited 0. */
  static List<String> run(ExampleProcess process) throws InterruptedException {
    try (process) {
      process.awaitExit();
      return process.lines();
    }
  }

  List<String> lines() {
    return List.copyOf(out);
  }

  List<String> errors() {
    return List.copyOf(err);
  }

  /** Waits until a printed line equals {@code line}. */
  void awaitLine(String line) throws InterruptedException {
    awaitLines(lines -> lines.contains(line), "a line " + line);
  }

  /** Waits until the printed lines satisfy {@code condition}. */
  void awaitLines(Predicate<List<String>> condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.test(lines())) {
      if (System.nanoTime() > deadline || !process.isAlive() && !condition.test(lines())) {
        throw new AssertionError(
            name + ": waited for " + what + "; out=" + lines() + " err=" + errors());
      }
      Thread.sleep(20);
    }
  }

  /** Waits for the program to end and checks it exited 0. */
  void awaitExit() throws InterruptedException {
    boolean exited = process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(exited).as("%s exited; out=%s err=%s", name, lines(), errors()).isTrue();
    assertThat(process.exitValue()).as("%s exit code; err=%s", name, errors()).isZero();
  }

  /** Stops the program as Ctrl-C would (SIGTERM; SIGKILL if it lingers). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void pump(InputStream stream, List<String> sink, String threadName) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  sink.add(line);
                }
              } catch (IOException e) {
                sink.add("<" + e + ">");
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
  }
}
