package dev.plumbline.cli.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The suite's table: one row per fault, printed and written as Markdown for docs/reliability.md. */
final class ReliabilityTable {

    /** One fault's outcome; {@code skipped} says why it did not run, and then only it is shown. */
    record Result(
            String id,
            String fault,
            String injected,
            int commitsInFlight,
            Tally tally,
            Duration timeToRecover,
            String skipped,
            long seed) {

        boolean clean() {
            return skipped != null || (tally.lostCount() == 0 && tally.duplicatedCount() == 0);
        }
    }

    private final List<Result> results = new ArrayList<>();

    synchronized void add(Result result) {
        results.add(result);
    }

    synchronized String markdown(Instant ranAt) {
        StringBuilder out = new StringBuilder();
        out.append("Run of ")
                .append(ranAt)
                .append(": 50 apps with self-heal; two instances of renderer, reconciler, ")
                .append("drift-auditor and notifier; ")
                .append(CommitStream.COMMITS)
                .append(" commits a row, one every ")
                .append(CommitStream.PERIOD.toMillis() / 1000.0)
                .append(" s.\n\n");
        out.append("| fault | injected | commits in flight | lost | duplicated | time to recover | reproduce |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (r.skipped() != null) {
                out.append("| ")
                        .append(r.fault())
                        .append(" | skipped: ")
                        .append(escaped(r.skipped()))
                        .append(" | | | | | `")
                        .append(reproduce(r))
                        .append("` |\n");
                continue;
            }
            out.append("| ")
                    .append(r.fault())
                    .append(" | ")
                    .append(escaped(r.injected()))
                    .append(" | ")
                    .append(r.commitsInFlight())
                    .append(" | ")
                    .append(r.tally().lostCell())
                    .append(" | ")
                    .append(r.tally().duplicatedCell())
                    .append(" | ")
                    .append(r.timeToRecover() == null ? "not recovered" : seconds(r.timeToRecover()))
                    .append(" | `")
                    .append(reproduce(r))
                    .append("` |\n");
        }
        out.append("\nWhat each row saw:\n\n");
        results.stream()
                .filter(r -> r.skipped() == null)
                .forEach(r -> out.append("- ")
                        .append(r.id())
                        .append(": ")
                        .append(escaped(String.join("; ", r.tally().notes())))
                        .append('\n'));
        List<Result> unclean = results.stream().filter(r -> !r.clean()).toList();
        if (!unclean.isEmpty()) {
            out.append("\nEvidence of what was lost or duplicated:\n");
            for (Result r : unclean) {
                out.append("\n- ").append(r.id()).append(":\n");
                r.tally()
                        .evidence()
                        .forEach(
                                line -> out.append("  - ").append(escaped(line)).append('\n'));
            }
        }
        return out.toString();
    }

    /** Writes the table to {@code file} (its folder made as needed). */
    synchronized void write(Path file, Instant ranAt) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown(ranAt));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The build that runs only the fault suite, the services packaged first (their own tests left out). */
    static final String COMMAND = "./mvnw -o -B -Pfaults -pl cli -am verify -Dtest=FaultsIT -Dit.test=FaultsIT"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.failIfNoSpecifiedTests=false";

    static String reproduce(Result result) {
        return COMMAND + " -Dfaults.rows=" + result.id() + " -Dfaults.seed=" + result.seed();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String escaped(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
