package dev.plumbline.reconciler.messaging;

import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.reconciler.reconcile.DesiredStates;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.reconciler.reconcile.ReconcileReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the desired state of the apps of this instance's partitions from the {@code rendered-manifests} channel,
 * and reconciles each app whose desired state arrives.
 */
@ApplicationScoped
public class RenderedManifestsListener implements DesiredStates {

    private static final Logger LOG = Logger.getLogger(RenderedManifestsListener.class);

    private final DesiredStateStore desiredState = new DesiredStateStore();

    @Inject
    Reconciler reconciler;

    @Incoming("rendered-manifests")
    void onRender(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        try {
            desiredState.accept(renderRecord.key(), renderRecord.value());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipped a record of %s at offset %d: %s", renderRecord.topic(), renderRecord.offset(),
                    e.getMessage());
            return;
        }
        if (renderRecord.key() != null) {
            reconciler.submit(renderRecord.key(), ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));
        }
    }

    @Override
    public DesiredStateStore desiredState() {
        return desiredState;
    }
}
