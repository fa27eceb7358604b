package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Syncs an app when asked on the {@code sync-requests} channel (a heal, a manual sync, a rollback). The record is
 * acknowledged, and its offset committed, only once the sync is over: a crash mid-sync means the request comes again.
 */
@ApplicationScoped
public class SyncRequestsListener {

    private static final Logger LOG = Logger.getLogger(SyncRequestsListener.class);

    @Inject
    Reconciler reconciler;

    @Incoming("sync-requests")
    CompletionStage<Void> onRequest(ConsumerRecord<String, PlumblineEvent> requestRecord) {
        if (!(requestRecord.value() instanceof SyncRequested request)) {
            LOG.warnf(
                    "skipped a record of %s at offset %d: not a sync request",
                    requestRecord.topic(), requestRecord.offset());
            return CompletableFuture.completedFuture(null);
        }
        return reconciler.submit(request.app(), ReconcileRequest.sync(request)).exceptionally(failure -> {
            LOG.warnf(
                    "sync of app %s asked by %s failed: %s",
                    request.app(), request.requestedBy(), failure.getMessage());
            return null;
        });
    }
}
