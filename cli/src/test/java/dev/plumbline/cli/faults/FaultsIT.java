package dev.plumbline.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fault table: while a stream of commits flows through fifty self-healing apps, each fault is done to the running
 * system in turn, and once it is quiet again the outcome is checked, not assumed: every app at its last commit and
 * never applied out of order, no apply twice, every drift alert and notification once, the audit trail whole, and the
 * time to recover. Run by the Maven profile {@code faults} only (docs/reliability.md); {@code -Dfaults.rows} selects
 * rows by id, {@code -Dfaults.seed} repeats a run's random choices.
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "plumbline.faults", matches = "true", disabledReason = "run with -Pfaults")
class FaultsIT {

    private static final Duration SETTLE = Duration.ofMinutes(6);
    private static final Duration STILL = Duration.ofSeconds(20);
    private static final int HAND_EDITS = 3;
    private static final Path TABLE = Path.of("target", "faults", "reliability.md");

    private final ReliabilityTable table = new ReliabilityTable();
    private final long seed = Long.getLong("faults.seed", new Random().nextLong());
    private FaultStack system;
    private AppFleet fleet;

    @BeforeAll
    void startTheSystem() throws IOException {
        system = FaultStack.start();
        fleet = AppFleet.create(system.live, system.runDir.resolve("working-copy"), SETTLE);
    }

    @TestFactory
    Stream<DynamicTest> eachFaultLosesAndDuplicatesNothing() {
        List<FaultRows.Row> rows = FaultRows.selected(System.getProperty("faults.rows", ""));
        return rows.stream()
                .map(row -> DynamicTest.dynamicTest(row.id(), () -> {
                    ReliabilityTable.Result result = run(row);
                    table.add(result);
                    // written after every row, so a suite stopped part way still leaves the rows it ran
                    table.write(TABLE, Instant.now());
                    if (result.skipped() != null) {
                        System.out.println("[faults] " + row.id() + " skipped: " + result.skipped());
                        return;
                    }
                    System.out.println("[faults] " + row.id() + ": " + result.injected() + "; lost "
                            + result.tally().lostCell() + ", duplicated "
                            + result.tally().duplicatedCell() + "; "
                            + String.join("; ", result.tally().notes()));
                    assertThat(result.clean())
                            .as(row.id() + " lost or duplicated: "
                                    + result.tally().evidence())
                            .isTrue();
                }));
    }

    @AfterAll
    void writeTheTable() throws IOException {
        try {
            Instant ranAt = Instant.now();
            System.out.println(table.markdown(ranAt));
            table.write(TABLE, ranAt);
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    private ReliabilityTable.Result run(FaultRows.Row row) {
        var skipped = row.skippedBecause().apply(system);
        if (skipped.isPresent()) {
            return new ReliabilityTable.Result(row.id(), row.fault(), "", 0, null, null, skipped.get(), seed);
        }
        Random random = new Random(seed ^ row.id().hashCode());
        try (RowProbe probe = new RowProbe(system);
                CommitStream stream = CommitStream.start(fleet, system::webhook, row.id())) {
            List<String> editedByHand = editByHand(random);
            int injectAt = 2 + random.nextInt(4);
            await().atMost(Duration.ofMinutes(2)).until(() -> stream.pushed() >= injectAt);
            int inFlight = commitsNotYetEverywhere();
            int pushedBefore = stream.pushed();
            Injection.Done done = row.injection().inject(new FaultContext(system, fleet, random));
            inFlight += stream.pushed() - pushedBefore;
            Instant lastPush = stream.awaitLast(SETTLE);
            Instant from = done.endedAt().isAfter(lastPush) ? done.endedAt() : lastPush;
            Duration timeToRecover =
                    recovered().map(at -> Duration.between(from, at)).orElse(null);
            settle(probe);
            Tally tally = probe.check(fleet, editedByHand);
            done.forgotten().forEach(what -> tally.lost("state forgotten in a hand-over", 1, what));
            if (stream.webhooksRefused() > 0) {
                tally.note(stream.webhooksRefused() + " webhooks not taken by git-watcher (found by polling)");
            }
            return new ReliabilityTable.Result(
                    row.id(),
                    row.fault(),
                    done.injected() + " (at commit " + injectAt + ")",
                    inFlight,
                    tally,
                    timeToRecover,
                    null,
                    seed);
        }
    }

    /** Changes the greeting of a few apps the way kubectl edit does: drift to report, heal and tell. */
    private List<String> editByHand(Random random) {
        Set<String> apps = new HashSet<>();
        List<String> candidates = AppFleet.apps().stream()
                .filter(app -> !CommitStream.heldApps().contains(app))
                .toList();
        while (apps.size() < HAND_EDITS) {
            apps.add(candidates.get(random.nextInt(candidates.size())));
        }
        List<String> edited = List.copyOf(apps);
        edited.forEach(app ->
                system.live.editByHand(AppFleet.NAMESPACE, AppFleet.configMap(app), "greeting", "changed by hand"));
        return edited;
    }

    /** The commits some app has not reached yet: pushed, not yet applied everywhere. */
    private int commitsNotYetEverywhere() {
        Map<String, String> expected = fleet.expectedRevisions();
        return (int) fleet.notAtHead().stream().map(expected::get).distinct().count();
    }

    /** When every app was first seen synced at its last commit; empty when that did not happen in time. */
    private java.util.Optional<Instant> recovered() {
        try {
            await().atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> fleet.notAtHead().isEmpty());
            return java.util.Optional.of(Instant.now());
        } catch (ConditionTimeoutException notInTime) {
            return java.util.Optional.empty();
        }
    }

    /** Waits until Slack has caught up with the webhook (retries after an outage) and nothing more comes. */
    private void settle(RowProbe probe) {
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).until(probe::slackCaughtUp);
        } catch (ConditionTimeoutException behind) {
            // the check counts what Slack still lacks
        }
        Quiet.settle(probe::activity, STILL, SETTLE);
    }
}
