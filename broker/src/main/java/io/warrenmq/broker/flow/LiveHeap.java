package io.warrenmq.broker.flow;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The heap the broker's data holds, as of the last collection: what the memory alarm compares with
 * its watermark. Heap in use as such counts garbage not yet collected, and a broker whose only
 * clients are publishers blocked by the alarm allocates next to nothing, so no collection comes to
 * clear it and the alarm would stay raised for good. So the young generation's allocation space
 * (eden) is left out: the next collection copies its live part into the survivor or old spaces,
 * which change only at a collection (or by large objects allocated straight into the old space,
 * counted at once). A collector with a single space (ZGC, Shenandoah) reports what it held after
 * its last cycle. Before the first collection there is no such reading, and all heap in use counts.
 *
 * <p>Thread-safe: reads the JVM's own counters, no allocation of note.
 */
final class LiveHeap {
  private static final List<MemoryPoolMXBean> POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();
  private static final List<GarbageCollectorMXBean> COLLECTORS =
      ManagementFactory.getGarbageCollectorMXBeans();
  private static final boolean GENERATIONAL =
      POOLS.stream().anyMatch(pool -> isAllocationSpace(pool.getName()));

  private LiveHeap() {}

  /** One heap space: its current use and its use after the last collection (-1: not known). */
  record Space(String name, long used, long usedAfterCollection) {}

  /** The live heap estimate of this JVM, in bytes. */
  static long bytes() {
    if (!anyCollection()) {
      Runtime runtime = Runtime.getRuntime();
      return runtime.totalMemory() - runtime.freeMemory();
    }
    long live = 0;
    for (MemoryPoolMXBean pool : POOLS) {
      MemoryUsage collected = pool.getCollectionUsage();
      live +=
          bytes(
              new Space(
                  pool.getName(),
                  pool.getUsage().getUsed(),
                  collected == null ? -1 : collected.getUsed()),
              GENERATIONAL);
    }
    return live;
  }

  /** What {@code space} adds to the live heap, in a generational heap or not. */
  static long bytes(Space space, boolean generational) {
    if (generational) {
      return isAllocationSpace(space.name()) ? 0 : space.used();
    }
    return space.usedAfterCollection() >= 0 ? space.usedAfterCollection() : space.used();
  }

  /** The sum over {@code spaces}: a heap is generational when one of them is an eden. */
  static long bytes(List<Space> spaces) {
    boolean generational = spaces.stream().anyMatch(space -> isAllocationSpace(space.name()));
    return spaces.stream().mapToLong(space -> bytes(space, generational)).sum();
  }

  // G1, Parallel and Serial all name their young allocation space "... Eden Space".
  private static boolean isAllocationSpace(String poolName) {
    return poolName.contains("Eden");
  }

  private static boolean anyCollection() {
    for (GarbageCollectorMXBean collector : COLLECTORS) {
      if (collector.getCollectionCount() > 0) {
        return true;
      }
    }
    return false;
  }
}
