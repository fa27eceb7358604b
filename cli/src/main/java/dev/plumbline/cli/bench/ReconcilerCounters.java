package dev.plumbline.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each reconciler instance has done so far, read from its Prometheus endpoint ({@code /q/metrics}): reconciles
 * ({@code plumbline_reconcile_duration_seconds_count}, each run of an app's sync loop, whatever its result) and
 * objects applied ({@code plumbline_sync_objects_total} with {@code operation="apply"}). The difference of two reads
 * over a phase is each instance's share of the work and its throughput.
 */
public final class ReconcilerCounters {

    /** One instance's counters at one moment. */
    public record Counts(double reconciles, double applied) {

        Counts minus(Counts earlier) {
            return new Counts(reconciles - earlier.reconciles, applied - earlier.applied);
        }
    }

    private static final String RECONCILES = "plumbline_reconcile_duration_seconds_count";
    private static final String OBJECTS = "plumbline_sync_objects_total";

    private final Map<String, URI> instances;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param instancesVariable the run's {@code RECONCILER_INSTANCES}: {@code name=url,name=url} */
    ReconcilerCounters(String instancesVariable) {
        this.instances = new LinkedHashMap<>();
        Arrays.stream(instancesVariable.split(","))
                .map(instance -> instance.split("=", 2))
                .forEach(instance -> instances.put(instance[0], URI.create(instance[1] + "/q/metrics")));
    }

    /** Every instance's counters now, by instance name. */
    Map<String, Counts> read() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        instances.forEach((name, metrics) -> counts.put(name, parse(scrape(name, metrics))));
        return counts;
    }

    /** The work done between two reads, by instance name. */
    static Map<String, Counts> between(Map<String, Counts> before, Map<String, Counts> after) {
        Map<String, Counts> done = new LinkedHashMap<>();
        after.forEach((name, counts) -> done.put(name, counts.minus(before.getOrDefault(name, new Counts(0, 0)))));
        return done;
    }

    static Counts parse(String prometheusText) {
        double reconciles = 0;
        double applied = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(RECONCILES + "{") || line.startsWith(RECONCILES + " ")) {
                reconciles += value(line);
            } else if (line.startsWith(OBJECTS + "{") && line.contains("operation=\"apply\"")) {
                applied += value(line);
            }
        }
        return new Counts(reconciles, applied);
    }

    private static double value(String line) {
        int labelsEnd = line.lastIndexOf('}');
        String afterName = labelsEnd >= 0 ? line.substring(labelsEnd + 1) : line.substring(line.indexOf(' '));
        String[] fields = afterName.trim().split("\\s+");
        return Double.parseDouble(fields[0]);
    }

    private String scrape(String name, URI metrics) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchException(name + " answered " + response.statusCode() + " at " + metrics);
            }
            return response.body();
        } catch (IOException e) {
            throw new BenchException("cannot read the metrics of " + name + " at " + metrics + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while reading the metrics of " + name);
        }
    }
}
