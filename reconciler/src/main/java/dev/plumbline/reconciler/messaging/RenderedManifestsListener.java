package dev.plumbline.reconciler.messaging;

import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.reconciler.reconcile.DesiredStates;
import dev.plumbline.reconciler.reconcile.ReconcileReason;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.servicekit.messaging.DesiredStateFeed;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the desired state of the apps of this instance's partitions from the {@code rendered-manifests} channel,
 * and reconciles each app whose desired state arrives. A record the store refuses is logged and skipped
 * ({@link DesiredStateFeed}). A render the renderer's trusted keys do not verify changes nothing: its app is only
 * compared again, so that its status shows the {@code RenderUntrusted} condition. The keys are read when the service
 * starts, so a missing one stops it at once with the setting to fix.
 */
@ApplicationScoped
@Startup
public class RenderedManifestsListener implements DesiredStates {

    private DesiredStateFeed desired;

    @Inject
    ServiceKeys keys;

    @Inject
    Reconciler reconciler;

    @Inject
    AppOwnership ownership;

    @PostConstruct
    void readTrustedKeys() {
        desired = new DesiredStateFeed(keys.trustedKeys(PlumblineService.RENDERER));
    }

    @Incoming("rendered-manifests")
    void onRender(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        desired.accept(renderRecord)
                .ifPresent(change -> reconciler.submit(
                        change.app(),
                        ReconcileRequest.of(
                                change.trusted() ? ReconcileReason.DESIRED_CHANGED : ReconcileReason.LIVE_CHANGED)));
        ownership.read(renderRecord.partition(), renderRecord.offset());
    }

    @Override
    public DesiredStateStore desiredState() {
        return desired.store();
    }
}
