package dev.plumbline.renderer.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.renderer.render.RenderPublisher;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Writes render outcomes on the {@code rendered-manifests} channel, keyed by app, and returns once the broker has
 * them, so that the commit event that caused them is acknowledged only afterwards (at least once).
 */
@ApplicationScoped
public class RenderedManifestsPublisher implements RenderPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 120;

    @Inject
    @Channel("rendered-manifests")
    Emitter<Record<String, PlumblineEvent>> emitter;

    @Override
    public void publish(PlumblineEvent outcome) {
        await(emitter.send(Record.of(outcome.key(), outcome)), outcome.key());
    }

    @Override
    public void tombstone(String app) {
        await(emitter.send(Record.of(app, null)), app);
    }

    private static void await(CompletionStage<Void> sent, String app) {
        try {
            sent.toCompletableFuture().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the render of " + app, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the render of " + app + ": " + e, e);
        }
    }
}
