package io.warrenmq.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran. Registered for every test
 * JVM through {@code META-INF/services} (JUnit extension auto-detection is on in the parent POM);
 * the static initialiser installs the recording detector before any test allocates a buffer.
 */
public final class LeakDetectionExtension implements AfterAllCallback {
  static {
    LeakDetection.install();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    assertThat(LeakDetection.collectLeaks())
        .as("buffers leaked by %s", context.getDisplayName())
        .isEmpty();
  }
}
