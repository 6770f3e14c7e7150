package io.warrenmq.examples;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Finds a python3 with pika 1.x (Debian's python3-pika, or any on the PATH) and the scripts. */
final class Pika {
  private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");
  private static String python;
  private static String missing;

  private Pika() {}

  /**
   * The interpreter to use; aborts the calling test (skipped, with the reason) when none has pika.
   */
  static synchronized String python() {
    if (python == null && missing == null) {
      missing = "no python3 with pika 1.x among " + CANDIDATES;
      for (String candidate : CANDIDATES) {
        if (hasPika(candidate)) {
          python = candidate;
          missing = null;
          break;
        }
      }
    }
    Assumptions.assumeTrue(python != null, missing);
    return python;
  }

  /** The pika original {@code <name>.py} in the test resources. */
  static Path script(String name) {
    try {
      return Path.of(Pika.class.getResource("/pika/" + name + ".py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean hasPika(String interpreter) {
    try {
      Process process =
          new ProcessBuilder(
                  interpreter,
                  "-c",
                  "import pika, sys; sys.exit(0 if pika.__version__ >= '1' else 1)")
              .redirectErrorStream(true)
              .start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
