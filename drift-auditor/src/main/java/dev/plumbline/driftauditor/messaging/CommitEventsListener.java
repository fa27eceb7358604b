package dev.plumbline.driftauditor.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every instance keeps the recent commits, to record each in the trail of the apps it led to a render of (its Git
 * author becomes the record's actor), and records each refusal of a commit to an app in that app's trail. Only commit
 * events the git-watcher signed are kept: one that does not verify is logged and ignored, so that it cannot put a
 * made-up author, signer or refusal into the audit trail.
 */
@ApplicationScoped
@Startup
public class CommitEventsListener {

    private static final Logger LOG = Logger.getLogger(CommitEventsListener.class);

    @Inject
    AuditService audit;

    @Inject
    ServiceKeys keys;

    private TrustedKeys gitWatcherKeys;

    @PostConstruct
    void readTrustedKeys() {
        gitWatcherKeys = keys.trustedKeys(PlumblineService.GIT_WATCHER);
    }

    @Incoming("commit-events")
    void onCommit(ConsumerRecord<String, PlumblineEvent> commitRecord) {
        if (!(commitRecord.value() instanceof CommitDetected commit)) {
            return;
        }
        SignatureCheck trust = commit.verify(gitWatcherKeys);
        if (trust.trusted()) {
            audit.commitDetected(commit);
        } else {
            LOG.warnf(
                    "ignoring commit event %s of %s %s (claimed source %s, topic %s, partition %d, offset %d): %s;"
                            + " check the git-watcher's signing key and plumbline.trust.git-watcher-keys here",
                    commit.after(),
                    commit.repoUrl(),
                    commit.ref(),
                    commit.source(),
                    commitRecord.topic(),
                    commitRecord.partition(),
                    commitRecord.offset(),
                    trust.problem());
        }
    }
}
