package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.engine.desired.DesiredState;
import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.servicekit.messaging.DesiredStateFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the desired state of the apps of this instance's partitions from the {@code rendered-manifests} channel
 * (read from the beginning of the compacted topic on every assignment, no offsets committed), and hands each app's
 * desired objects to the drift rules. A failed render keeps the last good one in force; a record the store refuses
 * is logged and skipped ({@link DesiredStateFeed}).
 */
@ApplicationScoped
public class RenderedManifestsListener {

    private final DesiredStateFeed desired = new DesiredStateFeed();

    @Inject
    DriftService drift;

    @Incoming("rendered-manifests")
    void onRender(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        desired.accept(renderRecord)
                .ifPresent(app -> drift.desiredChanged(
                        app,
                        desired.store().get(app).flatMap(DesiredState::rendered).orElse(null)));
    }

    public DesiredStateStore desiredState() {
        return desired.store();
    }
}
