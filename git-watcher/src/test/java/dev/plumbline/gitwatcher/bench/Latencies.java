package dev.plumbline.gitwatcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Percentiles of sorted nanosecond samples, and the machine's load, which the figures depend on. */
final class Latencies {

    private Latencies() {}

    /** The sample at or above the percentile, in milliseconds (nearest rank). */
    static double percentile(List<Long> sortedNanos, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return String.format(
                    "%.2f (1 min) on %d cores",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
