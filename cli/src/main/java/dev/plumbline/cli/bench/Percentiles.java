package dev.plumbline.cli.bench;

import java.time.Duration;
import java.util.List;

/** p50 and p99 of measured durations, by the nearest-rank method (a measured value, never an interpolation). */
public record Percentiles(int count, Duration p50, Duration p99, Duration max) {

    public static Percentiles of(List<Duration> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to take percentiles of");
        }
        List<Duration> sorted = samples.stream().sorted().toList();
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    @Override
    public String toString() {
        return "p50 " + millis(p50) + " · p99 " + millis(p99) + " · max " + millis(max) + " (" + count + " samples)";
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
