package io.warrenmq.broker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One control tool for the tests: warrenctl in-process, or the local rabbitmqctl. */
public interface Ctl {
  /** The exit code and output of one command. */
  record Run(int exit, String out, String err) {
    /** The output's lines; none for empty output. */
    public List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  Run run(String... args);

  /** warrenctl against a broker's management port, run in-process. */
  static Ctl warrenctl(int managementPort) {
    return args -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit =
          Warrenctl.run(
              args,
              Map.of("WARRENCTL_HOST", "127.0.0.1", "WARRENCTL_PORT", "" + managementPort),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    };
  }

  /** The rabbitmqctl on the PATH. */
  static Ctl rabbitmqctl() {
    return args -> {
      List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
      command.addAll(List.of(args));
      try {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        return new Run(
            process.waitFor(),
            new String(out, StandardCharsets.UTF_8),
            new String(err, StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        return new Run(-1, "", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }
}
