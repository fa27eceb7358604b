package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.audit.AuditRecorder;
import dev.plumbline.driftauditor.audit.AuditTrail;
import dev.plumbline.driftauditor.audit.CommitCache;
import dev.plumbline.driftauditor.audit.StoreRetry;
import dev.plumbline.driftauditor.config.DriftAuditorConfig;
import dev.plumbline.driftauditor.watch.ResumeMarkReader;
import dev.plumbline.engine.desired.RenderSignatures;
import dev.plumbline.events.AuditVerifier;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The audit side of the service put together: the recorder over the audit topic, the commit cache, the timer that
 * records pause expiries and refused commits.
 */
@ApplicationScoped
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);
    /** Waits between tries to store a record: 1 s, 2 s, 4 s, ... up to a minute. */
    private static final ExponentialBackoff STORE_BACKOFF =
            new ExponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 0);

    static final String TRAIL_PROBLEMS_METRIC = "plumbline_audit_trail_problems_total";

    @Inject
    DriftAuditorConfig config;

    @Inject
    KafkaAuditStore store;

    @Inject
    ApplicationsListener applications;

    @Inject
    KubernetesClient client;

    @Inject
    ServiceKeys keys;

    @Inject
    MeterRegistry metrics;

    private RenderSignatures renderSignatures;
    private CommitCache commits;
    private AuditRecorder recorder;
    private StoreRetry retry;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plumbline-audit-timer");
        thread.setDaemon(true);
        return thread;
    });
    /** Counted down at shutdown, so a wait to retry a store ends at once instead of holding the service up. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    @PostConstruct
    void start() {
        renderSignatures = new RenderSignatures(keys.trustedKeys(PlumblineService.RENDERER));
        commits = new CommitCache(config.audit().commitCacheSize());
        recorder = new AuditRecorder(
                new AuditTrail(
                        Clock.systemUTC(),
                        config.audit().dedupWindow(),
                        keys.signingKey(),
                        keys.trustedKeys(PlumblineService.DRIFT_AUDITOR)),
                store,
                commits,
                app -> applications.catalog().get(app),
                new ResumeMarkReader(client)::of,
                config.audit().commitWait(),
                Clock.systemUTC(),
                this::trailProblem,
                config.audit().commitCacheSize());
        retry = new StoreRetry(STORE_BACKOFF, this::waitToRetry);
        long period = config.drift().timerResolution().toMillis();
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping.countDown();
        timer.shutdownNow();
    }

    /**
     * Records one input event; a render or render failure the renderer's keys do not verify is recorded as
     * {@code render-untrusted}, never as a render. While the audit topic cannot be written or read back, it tries
     * again (1 s, 2 s, 4 s, ... up to a minute) and does not move on, so no offset is committed past an unrecorded
     * event; an event that cannot be recorded at all (not for want of the topic) is logged with its position and
     * skipped.
     *
     * @throws CancellationException when the service stops before the event could be stored: the event's offset
     *                               must not be committed, so that it is read again after the restart
     */
    public void record(String position, PlumblineEvent event) {
        SignatureCheck trust = renderSignatures.check(event);
        try {
            retry.run(position, () -> {
                if (trust.trusted()) {
                    recorder.record(event);
                } else {
                    recorder.recordUntrusted(event, trust.problem());
                }
            });
        } catch (CancellationException stopping) {
            throw stopping;
        } catch (RuntimeException unrecordable) {
            LOG.warnf(unrecordable, "cannot record %s in the audit trail: %s", position, unrecordable.getMessage());
        }
    }

    /** Whether to try again after {@code wait}: false once the service is stopping. */
    private boolean waitToRetry(Duration wait) {
        try {
            return !stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A trail read back is not intact: said in the log, counted, and never taken as the chain's head. */
    private void trailProblem(AuditVerifier.Problem problem, long continuesFrom) {
        LOG.errorf(
                "the audit trail of %s read back from %s does not verify at record %d (%s: %s); its next record"
                        + " follows %s",
                problem.app(),
                Topics.AUDIT,
                problem.sequence(),
                problem.kind(),
                problem.message(),
                continuesFrom == 0
                        ? "no record (it starts again at 1)"
                        : "record " + continuesFrom + ", its last record that verifies");
        metrics.counter(TRAIL_PROBLEMS_METRIC, "kind", problem.kind().name().toLowerCase(Locale.ROOT))
                .increment();
    }

    /** @param nowRecorded the partitions of the audit inputs this instance holds now */
    public void partitionsMoved(Set<Integer> nowRecorded) {
        if (recorder != null) {
            recorder.partitionsMoved(nowRecorded);
        }
    }

    /** A signed commit event: kept for the renders it leads to, and its refusals recorded in their apps' trails. */
    public void commitDetected(CommitDetected commit) {
        commits.add(commit);
        if (!commit.refusals().isEmpty()) {
            recorder.commitRefused(commit);
        }
    }

    private void tick() {
        try {
            recorder.tick();
        } catch (RuntimeException e) {
            LOG.warnf("a pause expiry or a refused commit could not be recorded; trying again: %s", e.getMessage());
        }
    }
}
