package dev.plumbline.reconciler.messaging;

import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the desired state of the apps of this instance's partitions from the {@code rendered-manifests} channel. */
@ApplicationScoped
public class RenderedManifestsListener {

    private final DesiredStateStore desiredState = new DesiredStateStore();

    @Incoming("rendered-manifests")
    void onRender(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        desiredState.accept(renderRecord.key(), renderRecord.value());
    }

    public DesiredStateStore desiredState() {
        return desiredState;
    }
}
