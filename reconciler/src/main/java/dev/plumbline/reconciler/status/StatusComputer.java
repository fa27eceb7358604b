package dev.plumbline.reconciler.status;

import dev.plumbline.reconciler.application.ApplicationStatusModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;

/**
 * The next status of an Application from its previous one and what a reconcile found. It carries no time of the
 * reconcile itself, only of transitions, so a reconcile that finds nothing new computes an equal status and
 * {@link #sameAs} lets the writer skip the write.
 */
public final class StatusComputer {

    private StatusComputer() {}

    public static ApplicationStatusModel next(ApplicationStatusModel previous, StatusInput found, Instant now) {
        ApplicationStatusModel before = previous == null ? new ApplicationStatusModel() : previous;
        ApplicationStatusModel next = new ApplicationStatusModel();
        next.observedGeneration = found.generation();
        next.project = found.project() == null ? before.project : found.project();
        next.sync = found.syncStatus() == null
                ? before.sync
                : new ApplicationStatusModel.SyncState(found.syncStatus().label(), found.revision());
        next.health = found.health() == null
                ? before.health
                : new ApplicationStatusModel.Health(found.health().label(), found.healthMessage());
        next.drift = found.drift();
        next.selfHealPause = found.pause() == null
                ? null
                : new ApplicationStatusModel.SelfHealPause(
                        found.pause().until() == null
                                ? null
                                : found.pause().until().toString(),
                        found.pause().by(),
                        found.pause().reason());
        next.history = found.sync() == null ? copy(before.history) : SyncHistory.with(before.history, found.sync());
        next.conditions = found.conditions().toStatus(before.conditions, now);
        next.handledSyncRequest = found.handledToken() == null ? before.handledSyncRequest : found.handledToken();
        return next;
    }

    /** Whether writing {@code next} would change nothing a reader sees. */
    public static boolean sameAs(ApplicationStatusModel previous, ApplicationStatusModel next) {
        return previous != null
                && Objects.equals(previous.observedGeneration, next.observedGeneration)
                && Objects.equals(previous.project, next.project)
                && Objects.equals(previous.sync, next.sync)
                && Objects.equals(previous.health, next.health)
                && Objects.equals(previous.drift, next.drift)
                && Objects.equals(previous.selfHealPause, next.selfHealPause)
                && Objects.equals(previous.history, next.history)
                && Objects.equals(previous.conditions, next.conditions)
                && Objects.equals(previous.handledSyncRequest, next.handledSyncRequest);
    }

    private static <T> java.util.List<T> copy(java.util.List<T> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }
}
