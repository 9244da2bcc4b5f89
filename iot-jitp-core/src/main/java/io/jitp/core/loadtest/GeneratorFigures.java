package io.jitp.core.loadtest;

/**
 * What generating the load cost one process, measured over its steady window.
 *
 * @param shard               the shard, {@code K/N}
 * @param devices             devices the process ran
 * @param connectSeconds      first CONNECT to every device connected
 * @param cpuSeconds          process CPU time in the steady window
 * @param systemCpuSeconds    of which in the kernel (-1 where unknown)
 * @param messages            messages of the seed's formula (publishes, deliveries, forwards) in that window
 * @param cpuMicrosPerMessage cpuSeconds per message, in microseconds
 * @param rssBytes            resident memory at the end of the window (-1 where /proc is missing)
 * @param heapUsedBytes       Java heap in use at the end of the window
 * @param threads             live threads at the end of the window
 */
public record GeneratorFigures(String shard, int devices, double connectSeconds, double cpuSeconds,
                               double systemCpuSeconds, long messages,
                               double cpuMicrosPerMessage, long rssBytes, long heapUsedBytes, int threads) {
    /** @return resident memory per device, in bytes (-1 if unknown) */
    public long rssBytesPerDevice() {
        return rssBytes < 0 || devices == 0 ? -1 : rssBytes / devices;
    }
}
