package dev.plumbline.driftauditor.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every instance keeps the recent commits, to record each in the trail of the apps it led to a render of. */
@ApplicationScoped
public class CommitEventsListener {

    @Inject
    AuditService audit;

    @Incoming("commit-events")
    void onCommit(ConsumerRecord<String, PlumblineEvent> commitRecord) {
        if (commitRecord.value() instanceof CommitDetected commit) {
            audit.commits().add(commit);
        }
    }
}
