package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationStatusModel.AuditHead;
import dev.plumbline.reconciler.application.ApplicationWatcher;
import dev.plumbline.reconciler.audit.AuditHeads;
import dev.plumbline.reconciler.audit.AuditHeads.Kept;
import dev.plumbline.reconciler.audit.AuditHeads.Moved;
import dev.plumbline.reconciler.audit.AuditHeads.Outcome;
import dev.plumbline.reconciler.audit.AuditHeads.Severity;
import dev.plumbline.reconciler.status.StatusWriter;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code plumbline.audit} on the {@code audit-records} channel and keeps the head of each app's trail in its
 * Application's status ({@code status.audit}), outside Kafka, where whoever can write the topic cannot reach it. A
 * record moves the head only when the drift-auditor signed it and it follows the head ({@link AuditHeads}); any other
 * is logged and leaves the head alone. The offset is committed once the head is written: while the API server
 * refuses the write, it is tried again, so that no head is skipped and the next record still follows it.
 */
@ApplicationScoped
public class AuditRecordsListener {

    private static final Logger LOG = Logger.getLogger(AuditRecordsListener.class);
    private static final ExponentialBackoff RETRY =
            new ExponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 0);

    @Inject
    ApplicationWatcher applications;

    @Inject
    StatusWriter statusWriter;

    @Inject
    ServiceKeys keys;

    private AuditHeads heads;
    private final CountDownLatch stopping = new CountDownLatch(1);

    /** Reads the drift-auditor's public keys at start, so that a missing one stops the service with its setting. */
    @PostConstruct
    void start() {
        heads = new AuditHeads(keys.trustedKeys(PlumblineService.DRIFT_AUDITOR));
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping.countDown();
    }

    @Incoming("audit-records")
    @Blocking
    void onRecord(ConsumerRecord<String, PlumblineEvent> auditRecord) {
        if (!(auditRecord.value() instanceof AuditRecord record)) {
            LOG.warnf(
                    "skipped a record of %s at %d/%d: not an audit record",
                    auditRecord.topic(), auditRecord.partition(), auditRecord.offset());
            return;
        }
        for (int failures = 1; ; failures++) {
            Optional<Application> application = application(record.app());
            if (application.isEmpty()) {
                LOG.debugf("record %d of %s names no Application: no head to move", record.sequence(), record.app());
                return;
            }
            try {
                advance(application.get(), record);
                return;
            } catch (RuntimeException notWritten) {
                Duration wait = RETRY.delay(failures);
                LOG.warnf(
                        "cannot write the audit head of %s (record %d), trying again in %s: %s",
                        record.app(), record.sequence(), wait, notWritten.getMessage());
                if (!waitToRetry(wait)) {
                    throw new IllegalStateException("stopping before the audit head of " + record.app() + " was"
                            + " written; record " + record.sequence() + " is read again after the restart");
                }
            }
        }
    }

    private void advance(Application application, AuditRecord record) {
        AuditHead head = application.getStatus() == null ? null : application.getStatus().audit;
        Outcome outcome = heads.next(head, record);
        if (outcome instanceof Moved moved) {
            statusWriter.writeAuditHead(application, moved.head());
        } else if (outcome instanceof Kept kept && kept.severity() == Severity.SUSPECT) {
            LOG.errorf("audit head of %s not moved: %s", record.app(), kept.reason());
        } else if (outcome instanceof Kept kept) {
            LOG.debugf("audit head of %s not moved: %s", record.app(), kept.reason());
        }
    }

    /** The Application as last written or seen; waits for the first list of Applications before saying there is none. */
    private Optional<Application> application(String app) {
        while (!applications.synced()) {
            if (!waitToRetry(Duration.ofMillis(200))) {
                throw new IllegalStateException("stopping before the Applications were listed");
            }
        }
        return applications.get(app).map(statusWriter::freshest);
    }

    private boolean waitToRetry(Duration wait) {
        try {
            return !stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
