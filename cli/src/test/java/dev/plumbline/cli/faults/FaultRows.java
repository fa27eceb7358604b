package dev.plumbline.cli.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The rows of the table: each fault, by the id that selects it ({@code -Dfaults.rows=kill-reconciler}). */
final class FaultRows {

    /**
     * One row.
     *
     * @param skippedBecause why this row cannot run on this machine (its precondition), else empty
     */
    record Row(String id, String fault, Function<FaultStack, Optional<String>> skippedBecause, Injection injection) {}

    static final Duration KAFKA_DOWN = Duration.ofSeconds(30);
    static final Duration API_FAILING = Duration.ofSeconds(30);
    static final Duration API_HANGING = Duration.ofSeconds(30);
    static final Duration SLACK_LIMITING = Duration.ofSeconds(30);
    static final Duration SLACK_FAILING = Duration.ofMinutes(2);
    static final Duration DISK_FULL = Duration.ofSeconds(30);
    private static final int SLACK_RETRY_AFTER_SECONDS = 5;

    private FaultRows() {}

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        for (String service : FaultStack.SCALABLE) {
            rows.add(new Row("kill-" + service, "SIGKILL one " + service, always(), context -> {
                String instance = context.anyInstanceOf(service);
                return context.killAndRestart(
                        instance,
                        "SIGKILL " + instance + ", started again after " + FaultContext.DOWN.toSeconds() + " s");
            }));
        }
        rows.add(new Row(
                "kill-git-watcher",
                "SIGKILL the only git-watcher",
                always(),
                context -> context.killAndRestart(
                        "git-watcher",
                        "SIGKILL git-watcher, started again after " + FaultContext.DOWN.toSeconds() + " s")));
        rows.add(new Row("kafka-down", "Kafka broker stopped", always(), FaultRows::stopKafka));
        rows.add(new Row("kube-api", "Kubernetes API 500, then no answer", always(), FaultRows::kubeApiFaults));
        rows.add(new Row(
                "git-watcher-disk", "git-watcher's disk full", system -> system.smallDiskRefused, FaultRows::fillDisk));
        rows.add(new Row(
                "kill-pause-owner", "SIGKILL the drift-auditor holding a paused app", always(), HandOvers::pause));
        rows.add(new Row("kill-fight-owner", "SIGKILL the drift-auditor holding a fight", always(), HandOvers::fight));
        rows.add(new Row("slack-outage", "Slack 429 with Retry-After, then 500", always(), FaultRows::slackOutage));
        // last, to compare with: the stream alone on a system that went through every fault above
        rows.add(new Row("baseline", "none (the stream alone)", always(), context -> Injection.Done.at("nothing")));
        return rows;
    }

    /** The rows a comma-separated list of ids selects; blank selects all. */
    static List<Row> selected(String ids) {
        if (ids == null || ids.isBlank()) {
            return all();
        }
        Set<String> wanted = Set.copyOf(Arrays.asList(ids.split("\\s*,\\s*")));
        List<Row> rows = all().stream().filter(row -> wanted.contains(row.id())).toList();
        if (rows.size() != wanted.size()) {
            throw new IllegalArgumentException("faults.rows names rows that do not exist: " + ids + "; the rows are "
                    + all().stream().map(Row::id).toList());
        }
        return rows;
    }

    private static Function<FaultStack, Optional<String>> always() {
        return system -> Optional.empty();
    }

    private static Injection.Done stopKafka(FaultContext context) {
        context.system().stack.component("kafka").stop();
        Hold.lasting(KAFKA_DOWN);
        context.system().stack.start("kafka");
        return Injection.Done.at("broker stopped " + KAFKA_DOWN.toSeconds() + " s, started again on its data");
    }

    private static Injection.Done kubeApiFaults(FaultContext context) {
        var api = context.system().kubeApi;
        api.failFor(API_FAILING, 500, false);
        Hold.lasting(API_FAILING);
        api.hangFor(API_HANGING, true);
        Hold.lasting(API_HANGING);
        api.clearFaults();
        return Injection.Done.at("every request 500 for " + API_FAILING.toSeconds() + " s, then unanswered for "
                + API_HANGING.toSeconds() + " s (watches dropped)");
    }

    private static Injection.Done slackOutage(FaultContext context) {
        var slack = context.system().slack;
        StubMapping limited = slack.stubFor(post(urlEqualTo("/slack"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", String.valueOf(SLACK_RETRY_AFTER_SECONDS))
                        .withBody("rate_limited")));
        Hold.lasting(SLACK_LIMITING);
        slack.removeStub(limited);
        StubMapping failing = slack.stubFor(post(urlEqualTo("/slack"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("internal_error")));
        Hold.lasting(SLACK_FAILING);
        slack.removeStub(failing);
        return Injection.Done.at("429 Retry-After " + SLACK_RETRY_AFTER_SECONDS + " s for " + SLACK_LIMITING.toSeconds()
                + " s, then 500 for " + SLACK_FAILING.toMinutes() + " min");
    }

    /** Writes one file until the tmpfs has no byte left, keeps it full, and deletes the file. */
    private static Injection.Done fillDisk(FaultContext context) {
        Path filler = context.system().gitWatcherDisk().resolve("filler");
        long written = 0;
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            // bounded: the tmpfs is far smaller than this many blocks
            for (int i = 0; i < 4096; i++) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            System.out.println(
                    "[faults] git-watcher's disk is full after " + (written >> 20) + " MiB: " + full.getMessage());
        }
        try {
            Hold.lasting(DISK_FULL);
        } finally {
            try {
                Files.deleteIfExists(filler);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot free git-watcher's disk: " + e.getMessage(), e);
            }
        }
        return Injection.Done.at("its " + FaultStack.GIT_WATCHER_DISK + " tmpfs filled to the last byte for "
                + DISK_FULL.toSeconds() + " s, then freed");
    }
}
