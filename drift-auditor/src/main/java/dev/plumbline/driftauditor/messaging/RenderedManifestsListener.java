package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.engine.desired.DesiredState;
import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the desired state of the apps of this instance's partitions from the {@code rendered-manifests} channel
 * (read from the beginning of the compacted topic on every assignment, no offsets committed), and hands each app's
 * desired objects to the drift rules. A failed render keeps the last good one in force.
 */
@ApplicationScoped
public class RenderedManifestsListener {

    private static final Logger LOG = Logger.getLogger(RenderedManifestsListener.class);

    private final DesiredStateStore desiredState = new DesiredStateStore();

    @Inject
    DriftService drift;

    @Incoming("rendered-manifests")
    void onRender(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        String app = renderRecord.key();
        try {
            desiredState.accept(app, renderRecord.value());
        } catch (IllegalArgumentException | NullPointerException refused) {
            LOG.warnf("ignoring record %d/%d of %s: %s", renderRecord.partition(), renderRecord.offset(),
                    renderRecord.topic(), refused.getMessage());
            return;
        }
        drift.desiredChanged(app, desiredState.get(app).flatMap(DesiredState::rendered).orElse(null));
    }

    public DesiredStateStore desiredState() {
        return desiredState;
    }
}
