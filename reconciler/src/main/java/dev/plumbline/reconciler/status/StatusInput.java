package dev.plumbline.reconciler.status;

import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.reconciler.application.ApplicationStatusModel.DriftSummary;
import dev.plumbline.reconciler.application.ApplicationStatusModel.SyncRecord;

/**
 * What a reconcile found, for the status.
 *
 * @param generation    the Application's generation read
 * @param project       the name of the project it was judged by; null to keep the previous one
 * @param syncStatus    null when the reconcile did not get as far as a comparison: the previous one stays
 * @param revision      the revision compared; null as above
 * @param health        the app's health; null as above
 * @param healthMessage which object makes it so; null when healthy
 * @param pause         the self-heal pause in force; null when none
 * @param sync          the sync carried out; null when none
 * @param conditions    the conditions that hold
 * @param handledToken  the sync annotation token answered; null to keep the previous one
 * @param drift         the drift summary after the drift alerts heard so far; null when no drift
 */
public record StatusInput(
        Long generation,
        String project,
        SyncStatus syncStatus,
        String revision,
        HealthStatus health,
        String healthMessage,
        SelfHealPause pause,
        SyncRecord sync,
        Conditions conditions,
        String handledToken,
        DriftSummary drift) {}
