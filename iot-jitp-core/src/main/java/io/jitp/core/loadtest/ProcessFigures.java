package io.jitp.core.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time, resident memory and threads of this process, for the generator's cost figures. */
final class ProcessFigures {
    /** USER_HZ: 100 on every Linux architecture Java runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcessFigures() {
    }

    /** @return CPU time of this process in nanoseconds, -1 if the JVM cannot tell */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * @return CPU time this process spent in the kernel, in nanoseconds, from /proc (Linux; -1 elsewhere): on a
     *         loopback test the kernel's TCP work for both ends of each send is charged to the sender
     */
    static long systemCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields after the command: state is field 3 of stat(5), stime field 15, so index 12 here.
            return Long.parseLong(fields[12]) * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return resident set size in bytes from /proc (Linux), -1 elsewhere */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the figure is reported as unknown.
        }
        return -1;
    }

    /**
     * Collects the setup's garbage (certificates and keys read, TLS handshakes, the JIT's warm-up) once every device is
     * connected, before the measured window: the JVM then gives the heap it no longer needs back to the system (G1
     * shrinks the heap after a full collection), and the steady state — whose allocation is small — runs in a heap
     * sized for it rather than in the startup heap, which on a large machine is a sixty-fourth of its memory.
     * Without this the resident memory per device measured the JVM's startup sizing, not the generator.
     */
    static void compactHeap() {
        System.gc();
    }

    static long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
