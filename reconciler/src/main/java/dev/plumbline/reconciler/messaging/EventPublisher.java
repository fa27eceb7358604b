package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.reconciler.application.SpecOutputs;
import dev.plumbline.reconciler.reconcile.ReconcileOutputs;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Writes the reconciler's events, keyed by app: specs (and tombstones), diffs and apply actions. */
@ApplicationScoped
public class EventPublisher implements SpecOutputs, ReconcileOutputs {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    // a start-up publishes every Application at once, and a sync of a large app many actions: buffer rather than fail
    @Inject
    @Channel("applications")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<Record<String, PlumblineEvent>> applications;

    @Inject
    @Channel("diff-results")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<Record<String, PlumblineEvent>> diffResults;

    @Inject
    @Channel("apply-actions")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<Record<String, PlumblineEvent>> applyActions;

    @Override
    public void spec(ApplicationSpec spec) {
        send(applications, spec.app(), spec);
    }

    /** A deleted Application: a tombstone, so compaction forgets it. */
    @Override
    public void deleted(String app) {
        send(applications, app, null);
    }

    @Override
    public void diff(DiffComputed diff) {
        send(diffResults, diff.app(), diff);
    }

    @Override
    public void actions(List<ApplyAction> actions) {
        actions.forEach(action -> send(applyActions, action.app(), action));
    }

    private static void send(Emitter<Record<String, PlumblineEvent>> emitter, String app, PlumblineEvent event) {
        emitter.send(Record.of(app, event)).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warnf(
                        "could not publish %s of app %s: %s",
                        event == null ? "tombstone" : event.type(), app, failure.getMessage());
            }
        });
    }
}
