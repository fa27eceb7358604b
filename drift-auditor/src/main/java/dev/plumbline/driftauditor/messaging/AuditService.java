package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.audit.AuditRecorder;
import dev.plumbline.driftauditor.audit.AuditTrail;
import dev.plumbline.driftauditor.audit.CommitCache;
import dev.plumbline.driftauditor.config.DriftAuditorConfig;
import dev.plumbline.driftauditor.watch.ResumeMarkReader;
import dev.plumbline.engine.desired.RenderSignatures;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/** The audit side of the service put together: the recorder over the audit topic, the commit cache, the expiry timer. */
@ApplicationScoped
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

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

    private RenderSignatures renderSignatures;
    private CommitCache commits;
    private AuditRecorder recorder;
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
                new AuditTrail(Clock.systemUTC(), config.audit().dedupWindow()),
                store,
                commits,
                app -> applications.catalog().get(app),
                new ResumeMarkReader(client)::of,
                config.audit().commitWait(),
                Clock.systemUTC());
        long period = config.drift().timerResolution().toMillis();
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping.countDown();
        timer.shutdownNow();
    }

    /**
     * Records one input event; a render or render failure the renderer's keys do not verify is recorded as
     * {@code render-untrusted}, never as a render. While the audit topic cannot be written or read back, it tries again every
     * {@link #RETRY} and does not move on, so no offset is committed past an unrecorded event; an event that
     * cannot be recorded at all is logged with its position and skipped.
     *
     * @throws CancellationException when the service stops before the event could be stored: the event's offset
     *                               must not be committed, so that it is read again after the restart
     */
    public void record(String position, PlumblineEvent event) {
        SignatureCheck trust = renderSignatures.check(event);
        while (true) {
            try {
                if (trust.trusted()) {
                    recorder.record(event);
                } else {
                    recorder.recordUntrusted(event, trust.problem());
                }
                return;
            } catch (KafkaException | IllegalStateException storeFailed) {
                LOG.warnf(
                        "cannot store the audit record of %s, trying again in %s: %s",
                        position, RETRY, storeFailed.getMessage());
                if (!waitToRetry()) {
                    throw new CancellationException("stopping before " + position + " was recorded in the audit "
                            + "trail; it is read again after the restart");
                }
            } catch (RuntimeException unrecordable) {
                LOG.warnf(unrecordable, "cannot record %s in the audit trail: %s", position, unrecordable.getMessage());
                return;
            }
        }
    }

    /** Whether to try again: false once the service is stopping. */
    private boolean waitToRetry() {
        try {
            return !stopping.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void partitionsMoved() {
        if (recorder != null) {
            recorder.forgetAll();
        }
    }

    public CommitCache commits() {
        return commits;
    }

    private void tick() {
        try {
            recorder.tick();
        } catch (RuntimeException e) {
            LOG.warnf("pause expiry could not be recorded; trying again: %s", e.getMessage());
        }
    }
}
