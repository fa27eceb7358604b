package dev.plumbline.notifier.messaging;

import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The topics notifications come from. Each record is handed to the pipeline at once, so that a burst can be
 * aggregated, and acknowledged later, once all that came of it is done; the throttled commit strategy commits
 * an offset only when every record before it is acknowledged.
 */
@ApplicationScoped
public class EventListeners {

    private final NotificationPipeline pipeline;

    EventListeners(NotificationPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Incoming("drift-alerts")
    CompletionStage<Void> driftAlert(Message<PlumblineEvent> message) {
        return accept(message);
    }

    @Incoming("audit")
    CompletionStage<Void> audit(Message<PlumblineEvent> message) {
        return accept(message);
    }

    @Incoming("apply-actions")
    CompletionStage<Void> applyAction(Message<PlumblineEvent> message) {
        return accept(message);
    }

    @Incoming("diff-results")
    CompletionStage<Void> diffResult(Message<PlumblineEvent> message) {
        return accept(message);
    }

    @Incoming("image-events")
    CompletionStage<Void> imageEvent(Message<PlumblineEvent> message) {
        return accept(message);
    }

    @Incoming("rendered-manifests")
    CompletionStage<Void> rendered(Message<PlumblineEvent> message) {
        return accept(message);
    }

    private CompletionStage<Void> accept(Message<PlumblineEvent> message) {
        pipeline.accept(message.getPayload(), message::ack);
        return CompletableFuture.completedFuture(null);
    }
}
