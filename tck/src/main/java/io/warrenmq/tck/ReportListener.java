package io.warrenmq.tck;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Prints one line per case (PASS, FAIL with the reason, SKIP with the reason) and counts them. */
final class ReportListener implements TestExecutionListener {
  private final PrintStream out;
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();

  ReportListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      skipped.incrementAndGet();
      out.println("SKIP " + name(id) + " (" + reason + ")");
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!id.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        // A class-level failure (e.g. no broker) fails all its cases; say why once.
        failed.incrementAndGet();
        out.println("FAIL " + id.getDisplayName() + ": " + reason(result));
      }
      return;
    }
    switch (result.getStatus()) {
      case SUCCESSFUL -> {
        passed.incrementAndGet();
        out.println("PASS " + name(id));
      }
      case ABORTED -> {
        skipped.incrementAndGet();
        out.println("SKIP " + name(id) + " (" + reason(result) + ")");
      }
      case FAILED -> {
        failed.incrementAndGet();
        out.println("FAIL " + name(id) + ": " + reason(result));
      }
    }
  }

  int passed() {
    return passed.get();
  }

  int failed() {
    return failed.get();
  }

  int skipped() {
    return skipped.get();
  }

  private static String name(TestIdentifier id) {
    return id.getSource()
        .filter(MethodSource.class::isInstance)
        .map(MethodSource.class::cast)
        .map(m -> simple(m.getClassName()) + "." + m.getMethodName())
        .orElse(id.getDisplayName());
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String reason(TestExecutionResult result) {
    return result
        .getThrowable()
        .map(t -> String.valueOf(t.getMessage()).replace('\n', ' ').strip())
        .orElse("");
  }
}
