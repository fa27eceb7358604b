package dev.plumbline.driftauditor.audit;

import dev.plumbline.driftauditor.pause.ResumeMark;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the audit trail of the apps whose events reach this instance: one record per change, each written once.
 * Before the first record of an app, the app's partition of the audit topic is read back, so the chain continues
 * from its last stored record and a source event recorded before a restart is not recorded again. That read checks
 * each chain: a tail this service did not sign is told to {@link TrailProblems} and the chain continues from its last
 * record that verifies; the service goes on recording either way. A render is
 * preceded by the commit it came from. Calls are serialized: the Kafka listener and the expiry timer share it.
 */
public final class AuditRecorder {

    private final AuditTrail trail;
    private final AuditStore store;
    private final CommitCache commits;
    private final Function<String, Optional<ApplicationSpec>> catalog;
    private final Function<ApplicationSpec, Optional<ResumeMark>> resumeMarks;
    private final Duration commitWait;
    private final Clock clock;
    private final TrailProblems problems;
    private final Set<Integer> loaded = new HashSet<>();

    public AuditRecorder(
            AuditTrail trail,
            AuditStore store,
            CommitCache commits,
            Function<String, Optional<ApplicationSpec>> catalog,
            Function<ApplicationSpec, Optional<ResumeMark>> resumeMarks,
            Duration commitWait,
            Clock clock,
            TrailProblems problems) {
        this.trail = trail;
        this.store = store;
        this.commits = commits;
        this.catalog = catalog;
        this.resumeMarks = resumeMarks;
        this.commitWait = commitWait;
        this.clock = clock;
        this.problems = problems;
    }

    /** Records what one event of an app-keyed topic says happened. */
    public synchronized void record(PlumblineEvent event) {
        if (event == null || event.app() == null || event instanceof AuditRecord) {
            return;
        }
        String app = event.app();
        readBack(app);
        if (event instanceof ApplicationSpec spec) {
            PauseTransitions.onSpec(spec, trail.pause(app), clock.instant(), () -> resumeMarks.apply(spec))
                    .ifPresent(this::write);
            return;
        }
        if (event instanceof ManifestsRendered || event instanceof RenderFailed) {
            commitOf(event).ifPresent(commit -> write(AuditAssembler.commit(commit, app)));
        }
        AuditAssembler.of(event).ifPresent(this::write);
    }

    /**
     * Records a render or render failure that was not taken as desired state because its signature did not verify,
     * instead of the render it claims to be.
     */
    public synchronized void recordUntrusted(PlumblineEvent render, String problem) {
        if (render.app() == null) {
            return;
        }
        readBack(render.app());
        write(AuditAssembler.renderUntrusted(render, problem));
    }

    /** Pauses whose time is up end now, as Plumbline's own resume. */
    public synchronized void tick() {
        for (String app : trail.pausedApps()) {
            PauseTransitions.onTime(app, trail.pause(app), clock.instant()).ifPresent(this::write);
        }
    }

    /** Partitions moved: chains are read back again before their next record. */
    public synchronized void forgetAll() {
        trail.forget(trail.apps());
        loaded.clear();
    }

    private Optional<CommitDetected> commitOf(PlumblineEvent render) {
        boolean fromSpecChange = catalog.apply(render.app())
                .map(spec -> spec.correlationId().equals(render.correlationId()))
                .orElse(false);
        return commits.await(render.correlationId(), fromSpecChange ? Duration.ZERO : commitWait);
    }

    private void readBack(String app) {
        int partition = store.partitionOf(app);
        if (!loaded.contains(partition)) {
            // marked only once read: a failed read must not let a chain start again from 1
            trail.load(store.readPartition(partition))
                    .forEach(problem -> problems.found(problem, trail.sequence(problem.app())));
            loaded.add(partition);
        }
    }

    private void write(AuditEntry entry) {
        readBack(entry.app());
        trail.prepare(entry).ifPresent(record -> {
            store.write(record);
            trail.stored(record);
        });
    }
}
