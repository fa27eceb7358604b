package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Tells the drift rules of the reconciler's syncs, so that a successful sync starts an app's heal backoff again. */
@ApplicationScoped
public class ApplyActionsListener {

    @Inject
    DriftService drift;

    @Incoming("apply-actions")
    void onApplyAction(ConsumerRecord<String, PlumblineEvent> actionRecord) {
        if (actionRecord.value() instanceof ApplyAction action) {
            drift.applied(action);
        }
    }
}
