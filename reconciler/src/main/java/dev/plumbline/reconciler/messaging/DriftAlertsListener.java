package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.reconciler.reconcile.AppInbox;
import dev.plumbline.reconciler.reconcile.DriftAlertInbox;
import dev.plumbline.reconciler.reconcile.ReconcileReason;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Hears the drift-auditor's alerts on the {@code drift-alerts} channel and has the app's status drift summary
 * brought up to date by a compare-only reconcile of the app; the offset is committed once that status is written.
 */
@ApplicationScoped
public class DriftAlertsListener implements DriftAlertInbox {

    private static final Logger LOG = Logger.getLogger(DriftAlertsListener.class);

    private final AppInbox<PlumblineEvent> alerts = new AppInbox<>();

    @Inject
    Reconciler reconciler;

    @Incoming("drift-alerts")
    CompletionStage<Void> onAlert(ConsumerRecord<String, PlumblineEvent> alertRecord) {
        PlumblineEvent alert = alertRecord.value();
        if (!(alert instanceof DriftDetected || alert instanceof DriftRecovered || alert instanceof SelfHealFight)) {
            LOG.warnf(
                    "skipped a record of %s at offset %d: not a drift alert",
                    alertRecord.topic(), alertRecord.offset());
            return CompletableFuture.completedFuture(null);
        }
        alerts.offer(alert.app(), alert);
        return reconciler
                .submit(alert.app(), ReconcileRequest.of(ReconcileReason.LIVE_CHANGED))
                .exceptionally(failure -> {
                    LOG.warnf("drift summary of app %s not written: %s", alert.app(), failure.getMessage());
                    return null;
                });
    }

    @Override
    public List<PlumblineEvent> take(String app) {
        return alerts.take(app);
    }
}
