package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.engine.desired.DesiredState;
import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.servicekit.messaging.DesiredStateFeed;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the desired state of the apps of this instance's partitions from the {@code rendered-manifests} channel
 * (read from the beginning of the compacted topic on every assignment, no offsets committed), and hands each app's
 * desired objects to the drift rules. A failed render keeps the last good one in force; a record the store refuses
 * is logged and skipped ({@link DesiredStateFeed}). A render the renderer's trusted keys do not verify is not
 * adopted: the drift rules keep the desired state they had, and no heal is asked for toward it (the audit trail
 * records it as {@code render-untrusted}). The keys are read when the service starts, so a missing one stops it at
 * once with the setting to fix.
 */
@ApplicationScoped
@Startup
public class RenderedManifestsListener {

    private DesiredStateFeed desired;

    @Inject
    ServiceKeys keys;

    @Inject
    DriftService drift;

    @PostConstruct
    void readTrustedKeys() {
        desired = new DesiredStateFeed(keys.trustedKeys(PlumblineService.RENDERER));
    }

    @Incoming("rendered-manifests")
    void onRender(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        desired.accept(renderRecord)
                .filter(change -> change.trusted())
                .ifPresent(change -> drift.desiredChanged(
                        change.app(),
                        desired.store()
                                .get(change.app())
                                .flatMap(DesiredState::rendered)
                                .orElse(null)));
    }

    public DesiredStateStore desiredState() {
        return desired.store();
    }
}
