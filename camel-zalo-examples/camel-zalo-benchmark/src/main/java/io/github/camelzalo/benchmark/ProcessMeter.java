package io.github.camelzalo.benchmark;

import java.lang.management.ManagementFactory;

/**
 * What this JVM has used so far: CPU time of the whole process (GC and JIT included) and bytes allocated by its
 * live threads. Differences of two readings give the cost of what ran in between.
 */
record ProcessMeter(long cpuNanos, long allocatedBytes, long wallNanos) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static ProcessMeter read() {
        long allocated = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (bytes > 0) {
                allocated += bytes;
            }
        }
        return new ProcessMeter(OS.getProcessCpuTime(), allocated, System.nanoTime());
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
