package dev.plumbline.renderer.bench;

import dev.plumbline.renderer.artifact.RepositoryTree;
import dev.plumbline.renderer.render.RenderCache;
import dev.plumbline.renderer.render.RenderMetrics;
import dev.plumbline.renderer.render.RenderOutcome;
import dev.plumbline.renderer.render.RenderPipeline;
import dev.plumbline.renderer.render.plain.PlainRenderer;
import dev.plumbline.renderer.testing.RenderHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The renderer's heap with many 10 MiB renders (2,000 ConfigMaps of random text each, as in
 * {@code RenderingThroughKafkaTest}): 48 Applications render the same folder, each a cache entry of its own. With
 * {@code -Dbench.policy=entries-only} the cache is bounded by count alone (512), as it was before it had a byte
 * budget. Run with the heap the deployment gives the service, e.g.
 * {@code java -Xmx1228m -cp <test classpath> dev.plumbline.renderer.bench.RenderMemoryBenchmark}.
 */
public final class RenderMemoryBenchmark {

    private static final int APPS = 48;
    private static final int OBJECTS = 2_000;
    private static final long MIB = 1024 * 1024;

    private RenderMemoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        boolean entriesOnly = "entries-only".equals(System.getProperty("bench.policy"));
        Path work = Files.createTempDirectory("plumbline-memory-bench");
        Path root = Files.createDirectories(work.resolve("repo"));
        writeTenMebibytes(Files.createDirectories(root.resolve("big")));
        RepositoryTree tree = new RepositoryTree(root, List.of());
        RenderCache cache = new RenderCache(512, entriesOnly ? Long.MAX_VALUE : 64 * MIB);
        int rendered = 0;
        try (RenderPipeline pipeline = new RenderPipeline(
                List.of(new PlainRenderer(32 * MIB)),
                cache,
                new RenderMetrics(new SimpleMeterRegistry()),
                Duration.ofMinutes(5),
                2)) {
            for (int n = 0; n < APPS; n++) {
                RenderOutcome outcome =
                        pipeline.render(RenderHarness.app("big-" + n, "big"), tree, work.resolve("scratch-" + n));
                if (!outcome.succeeded()) {
                    System.out.printf(
                            Locale.ROOT,
                            "render %d failed: %s%n",
                            n + 1,
                            outcome.failure().getMessage());
                    break;
                }
                rendered++;
            }
        } catch (OutOfMemoryError e) {
            System.out.printf(Locale.ROOT, "OutOfMemoryError after %d renders%n", rendered);
        }
        System.gc();
        System.gc();
        System.out.printf(
                Locale.ROOT,
                "cache %-13s %d renders of %.1f MiB JSON: %d kept (%.0f MiB JSON); heap max %.0f MiB, "
                        + "peak %.0f MiB, retained after GC %.0f MiB%n",
                entriesOnly ? "entries-only" : "byte budget",
                rendered,
                cache.size() == 0 ? 0.0 : cache.bytes() / (double) cache.size() / MIB,
                cache.size(),
                cache.bytes() / (double) MIB,
                Runtime.getRuntime().maxMemory() / (double) MIB,
                peakHeap() / (double) MIB,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (double) MIB);
    }

    /** The sum of the heap pools' peaks: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    private static void writeTenMebibytes(Path folder) throws IOException {
        Random random = new Random(42);
        StringBuilder documents = new StringBuilder();
        for (int n = 0; n < OBJECTS; n++) {
            byte[] noise = new byte[3_900];
            random.nextBytes(noise);
            documents
                    .append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: part-")
                    .append(n)
                    .append("\ndata:\n  noise: ")
                    .append(Base64.getEncoder().encodeToString(noise))
                    .append("\n---\n");
        }
        Files.writeString(folder.resolve("parts.yaml"), documents);
    }
}
