package dev.plumbline.driftauditor.audit;

import dev.plumbline.driftauditor.pause.ResumeMark;
import dev.plumbline.engine.project.ProjectRules;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes the audit trail of the apps whose events reach this instance: one record per change, each written once.
 * Before the first record of an app, the app's partition of the audit topic is read back, so the chain continues
 * from its last stored record and a source event recorded before a restart is not recorded again; it is read back
 * again when another instance wrote it since (see {@link #readBack}). That read checks
 * each chain: a tail this service did not sign is told to {@link TrailProblems} and the chain continues from its last
 * record that verifies; the service goes on recording either way. A render is
 * preceded by the commit it came from, and every record about a revision names who signed that commit when the
 * git-watcher checked it. What an app's project refused is recorded too: its repository (once per repository and
 * project generation) and a commit refused to it. Calls are serialized: the Kafka listener and the timer share it.
 */
public final class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);
    private final AuditTrail trail;
    private final AuditStore store;
    private final CommitCache commits;
    private final Function<String, Optional<ApplicationSpec>> catalog;
    private final Function<ApplicationSpec, Optional<ResumeMark>> resumeMarks;
    private final Duration commitWait;
    private final Clock clock;
    private final TrailProblems problems;
    /** The partitions read back: where each ended then, moved on by the records written here since. */
    private final Map<Integer, Long> readUpTo = new HashMap<>();

    private final RefusedCommits refusedCommits;
    private final Map<String, Integer> partitions = new HashMap<>();
    private Set<Integer> recorded = Set.of();

    public AuditRecorder(
            AuditTrail trail,
            AuditStore store,
            CommitCache commits,
            Function<String, Optional<ApplicationSpec>> catalog,
            Function<ApplicationSpec, Optional<ResumeMark>> resumeMarks,
            Duration commitWait,
            Clock clock,
            TrailProblems problems,
            int refusalsKept) {
        this.trail = trail;
        this.store = store;
        this.commits = commits;
        this.catalog = catalog;
        this.resumeMarks = resumeMarks;
        this.commitWait = commitWait;
        this.clock = clock;
        this.problems = problems;
        this.refusedCommits = new RefusedCommits(refusalsKept);
    }

    /** Records what one event of an app-keyed topic says happened. */
    public synchronized void record(PlumblineEvent event) {
        if (event == null || event.app() == null || event instanceof AuditRecord) {
            return;
        }
        String app = event.app();
        if (!writesTrailOf(app)) {
            return;
        }
        readBack(app);
        if (event instanceof ApplicationSpec spec) {
            PauseTransitions.onSpec(spec, trail.pause(app), clock.instant(), () -> resumeMarks.apply(spec))
                    .ifPresent(this::write);
            recordSourceRefusal(spec);
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
        if (render.app() == null || !writesTrailOf(render.app())) {
            return;
        }
        readBack(render.app());
        write(AuditAssembler.renderUntrusted(render, problem));
    }

    /**
     * A signed commit event that refuses its commit to some apps. Each refusal is recorded in its app's trail by the
     * instance that writes that trail, at its next {@link #tick}; this method does not wait for the trail.
     */
    public void commitRefused(CommitDetected commit) {
        refusedCommits.add(commit);
    }

    /**
     * Pauses whose time is up end now, as Plumbline's own resume; commits refused to apps whose trail this instance
     * writes are recorded.
     */
    public synchronized void tick() {
        for (String app : trail.pausedApps()) {
            PauseTransitions.onTime(app, trail.pause(app), clock.instant()).ifPresent(this::write);
        }
        recordRefusedCommits();
    }

    /**
     * Partitions moved: chains are read back again before their next record.
     *
     * @param nowRecorded the partitions of the audit inputs this instance now holds: it writes the trails of their apps
     */
    public synchronized void partitionsMoved(Set<Integer> nowRecorded) {
        trail.forget(trail.apps());
        readUpTo.clear();
        partitions.clear();
        recorded = Set.copyOf(nowRecorded);
        refusedCommits.partitionsMoved();
    }

    /** Records the app's repository refused by its project, once for each repository and project generation. */
    private void recordSourceRefusal(ApplicationSpec spec) {
        new ProjectRules(spec.projectPolicy())
                .sourceRefusal(spec.sourceSpec().repoUrl())
                .ifPresentOrElse(
                        reason -> {
                            if (!trail.sourceRefusalRecorded(spec.app(), RefusalEntries.sourceRefusalKey(spec))) {
                                write(RefusalEntries.sourceNotPermitted(spec, reason));
                            }
                        },
                        () -> trail.sourcePermitted(spec.app()));
    }

    private void recordRefusedCommits() {
        if (!refusedCommits.changed()) {
            return;
        }
        try {
            for (RefusedCommits.Refused refused : refusedCommits.waiting()) {
                if (writesTrailOf(refused.app())) {
                    write(RefusalEntries.commitRefused(refused.commit(), refused.refusal()));
                    refusedCommits.recorded(refused);
                }
            }
        } catch (RuntimeException notRecorded) {
            refusedCommits.retry();
            throw notRecorded;
        }
    }

    private Optional<CommitDetected> commitOf(PlumblineEvent render) {
        boolean fromSpecChange = catalog.apply(render.app())
                .map(spec -> spec.correlationId().equals(render.correlationId()))
                .orElse(false);
        return commits.await(render.correlationId(), fromSpecChange ? Duration.ZERO : commitWait);
    }

    /**
     * Whether this instance holds the app's partition of the audit inputs now. Events of a batch read before its
     * partition moved are left to the next owner, which reads them again (their offsets were not committed here):
     * written here too, they would be recorded twice, and the two writers could fork the chain.
     */
    private boolean writesTrailOf(String app) {
        return recorded.contains(partitionOf(app));
    }

    private int partitionOf(String app) {
        return partitions.computeIfAbsent(app, store::partitionOf);
    }

    /**
     * Reads the app's partition of the audit topic back, unless it was read here and since written only from here.
     * A partition that moved on otherwise was written by another instance meanwhile: one that held it before this
     * one knew (it died, or had not yet let it go, while its last records were written) when it was read back. Its
     * chains are read again, so the next record continues from the partition's last one and a source event already
     * recorded there is not recorded again.
     */
    private void readBack(String app) {
        int partition = partitionOf(app);
        long end = store.endOf(partition);
        Long known = readUpTo.get(partition);
        if (known != null && known == end) {
            return;
        }
        if (known != null) {
            LOG.infof(
                    "partition %d of the audit trail was written by another instance since it was read back here"
                            + " (it ends at %d, not %d); reading it again before the next record",
                    partition, end, known);
            trail.forget(trail.apps().stream()
                    .filter(trailApp -> partitionOf(trailApp) == partition)
                    .collect(Collectors.toSet()));
        }
        // marked only once read: a failed read must not let a chain start again from 1
        trail.load(store.readPartition(partition))
                .forEach(problem -> problems.found(problem, trail.sequence(problem.app())));
        readUpTo.put(partition, end);
    }

    private void write(AuditEntry given) {
        AuditEntry entry = given.revision() == null
                ? given
                : CommitSigners.named(
                        given, commits.signatureOf(given.revision()).orElse(null));
        readBack(entry.app());
        trail.prepare(entry).ifPresent(record -> {
            store.write(record);
            trail.stored(record);
            readUpTo.merge(partitionOf(record.app()), 1L, Long::sum);
        });
    }
}
