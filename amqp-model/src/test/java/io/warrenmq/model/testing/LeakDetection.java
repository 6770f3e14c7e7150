package io.warrenmq.model.testing;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every leak Netty's detector reports, so that tests can fail on them instead of leaving a
 * line in a log. It must be installed before the first buffer class initialises; {@link
 * LeakDetectionExtension} does that for every test JVM that has it on the class path.
 */
public final class LeakDetection {
  private static final List<String> LEAKS = new ArrayList<>();
  private static boolean installed;

  private LeakDetection() {}

  /** Installs the recording detector factory (idempotent). */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
  }

  /**
   * Makes the detector look for leaked buffers now (it only notices them after a garbage
   * collection, on a later allocation) and returns, then forgets, every leak it has reported so
   * far.
   */
  public static List<String> collectLeaks() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      System.runFinalization();
      for (ByteBufAllocator alloc :
          List.of(PooledByteBufAllocator.DEFAULT, UnpooledByteBufAllocator.DEFAULT)) {
        for (int j = 0; j < 4; j++) {
          alloc.heapBuffer(1).release();
          alloc.directBuffer(1).release();
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    synchronized (LEAKS) {
      List<String> leaks = new ArrayList<>(LEAKS);
      LEAKS.clear();
      return leaks;
    }
  }

  private static final class RecordingFactory extends ResourceLeakDetectorFactory {
    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return new ResourceLeakDetector<T>(resource, samplingInterval, maxActive) {
        // Report whatever the logging configuration: the base class asks the logger first.
        @Override
        protected boolean needReport() {
          return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
          record(resourceType + " leaked:" + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
          record(resourceType + " leaked (no access records)");
        }
      };
    }

    private static void record(String leak) {
      synchronized (LEAKS) {
        LEAKS.add(leak);
      }
    }
  }
}
