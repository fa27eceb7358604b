package dev.plumbline.reconciler.drift;

import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.reconciler.application.ApplicationStatusModel.DriftSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The drift summary of an Application's status, folded from the drift alerts of its app in their order: an alert
 * opens or grows the episode, a fight stops its healing, a recovery of that episode clears it.
 */
public final class DriftSummaries {

    private DriftSummaries() {}

    /** The summary after {@code alerts}, starting from the one the status has (null: no drift). */
    public static DriftSummary next(DriftSummary current, List<PlumblineEvent> alerts) {
        DriftSummary summary = current;
        for (PlumblineEvent alert : alerts) {
            summary = next(summary, alert);
        }
        return summary;
    }

    static DriftSummary next(DriftSummary current, PlumblineEvent alert) {
        if (alert instanceof DriftDetected detected) {
            return detected(current, detected);
        }
        if (alert instanceof SelfHealFight fight && current != null && sameEpisode(current, fight.episodeId())) {
            DriftSummary stopped = copy(current);
            stopped.healing = false;
            return stopped;
        }
        if (alert instanceof DriftRecovered recovered
                && (current == null || sameEpisode(current, recovered.episodeId()))) {
            return null;
        }
        // a fight or a recovery of an episode that is no longer the current one changes nothing
        return current;
    }

    private static DriftSummary detected(DriftSummary current, DriftDetected alert) {
        boolean grew = current != null && alert.episodeId().equals(current.episodeId);
        DriftSummary summary = new DriftSummary();
        summary.episodeId = alert.episodeId();
        summary.mode = alert.mode().label();
        summary.revision = alert.revision();
        summary.objects = alert.objects().size();
        summary.fields = alert.objects().stream()
                .mapToInt(object -> object.fields().size())
                .sum();
        summary.deleted = count(alert.objects(), DriftKind.DELETED);
        summary.orphans = count(alert.objects(), DriftKind.ORPHAN);
        // a fight stopped healing for the rest of the episode; only a new episode heals again
        summary.healing = alert.willHeal() && (!grew || !Boolean.FALSE.equals(current.healing));
        summary.detectedAt = grew ? current.detectedAt : alert.time().toString();
        summary.changedBy = changedBy(alert.objects());
        return summary;
    }

    /** Who made the drifting changes: the known field managers of the drifted fields, each once, sorted. */
    static List<String> changedBy(List<DriftedObject> objects) {
        TreeSet<String> managers = new TreeSet<>();
        for (DriftedObject object : objects) {
            for (DriftedField field : object.fields()) {
                FieldManagerAttribution by = field.changedBy();
                if (by.known()) {
                    managers.add(by.manager());
                }
            }
        }
        return new ArrayList<>(managers);
    }

    private static int count(List<DriftedObject> objects, DriftKind kind) {
        return (int) objects.stream().filter(object -> object.kind() == kind).count();
    }

    private static boolean sameEpisode(DriftSummary current, String episodeId) {
        return episodeId == null || Objects.equals(current.episodeId, episodeId);
    }

    private static DriftSummary copy(DriftSummary from) {
        DriftSummary copy = new DriftSummary();
        copy.episodeId = from.episodeId;
        copy.mode = from.mode;
        copy.revision = from.revision;
        copy.objects = from.objects;
        copy.fields = from.fields;
        copy.deleted = from.deleted;
        copy.orphans = from.orphans;
        copy.healing = from.healing;
        copy.detectedAt = from.detectedAt;
        copy.changedBy = from.changedBy == null ? new ArrayList<>() : new ArrayList<>(from.changedBy);
        return copy;
    }
}
