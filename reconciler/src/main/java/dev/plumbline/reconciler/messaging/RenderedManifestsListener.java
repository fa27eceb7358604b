package dev.plumbline.reconciler.messaging;

import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.reconciler.reconcile.DesiredStates;
import dev.plumbline.reconciler.reconcile.ReconcileReason;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.servicekit.messaging.DesiredStateFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the desired state of the apps of this instance's partitions from the {@code rendered-manifests} channel,
 * and reconciles each app whose desired state arrives. A record the store refuses is logged and skipped
 * ({@link DesiredStateFeed}).
 */
@ApplicationScoped
public class RenderedManifestsListener implements DesiredStates {

    private final DesiredStateFeed desired = new DesiredStateFeed();

    @Inject
    Reconciler reconciler;

    @Incoming("rendered-manifests")
    void onRender(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        desired.accept(renderRecord)
                .ifPresent(app -> reconciler.submit(app, ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED)));
    }

    @Override
    public DesiredStateStore desiredState() {
        return desired.store();
    }
}
