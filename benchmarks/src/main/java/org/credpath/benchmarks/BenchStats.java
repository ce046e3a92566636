package org.credpath.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The bench's measurements besides time: medians and ranges, load, allocation, heap, the JVM's collectors. */
final class BenchStats {
  private BenchStats() {}

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static String range(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return String.format("%,.0f-%,.0f", sorted[0], sorted[sorted.length - 1]);
  }

  /** Bytes this thread allocated so far, or 0 where the JVM does not count them. */
  static long allocatedHere() {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported() ? sun.getCurrentThreadAllocatedBytes() : 0;
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static String loadRange(double[] load) {
    double[] sorted = load.clone();
    java.util.Arrays.sort(sorted);
    return String.format("%.2f-%.2f", sorted[0], sorted[sorted.length - 1]);
  }

  static String garbageCollectors() {
    return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
  }

  static void resetPeakHeap() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static long peakHeapMiB() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
  }
}
